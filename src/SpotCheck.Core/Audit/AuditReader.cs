using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Audit;

namespace SpotCheck.Core.Audit;

/// <summary>The latest entry of the chain; seq 0 with 64 zeros while the chain is empty.</summary>
public sealed record AuditHead(long Seq, string Hash)
{
    public static readonly AuditHead Empty = new(0, LogChain.Genesis);
}

/// <summary>Filter and page for the staff audit page. <see cref="PageSize"/> is clamped to 1–100.</summary>
public sealed record AuditQuery(string? Type = null, string? DrawId = null, int Page = 1, int PageSize = 50);

/// <summary>One page, newest entry first, and how many entries match the filter.</summary>
public sealed record AuditPage(int Total, IReadOnlyList<AuditEntry> Items);

/// <summary>Read side of the audit log: head, paged listing, and streaming in seq order.</summary>
public sealed class AuditReader(AppDbContext db)
{
    public const int MaxPageSize = 100;

    public Task<AuditHead> HeadAsync(CancellationToken ct = default) => HeadAsync(db, ct);

    public Task<AuditEntry?> FindAsync(long seq, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Seq == seq, ct);

    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken ct = default)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Type)) entries = entries.Where(e => e.Type == query.Type);
        if (!string.IsNullOrEmpty(query.DrawId)) entries = entries.Where(e => e.DrawId == query.DrawId);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.Seq).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new AuditPage(total, items);
    }

    internal static async Task<AuditHead> HeadAsync(AppDbContext db, CancellationToken ct) =>
        await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Seq)
            .Select(e => new AuditHead(e.Seq, e.Hash)).FirstOrDefaultAsync(ct)
        ?? AuditHead.Empty;

    /// <summary>
    /// All entries (after seq <paramref name="after"/>) in seq order, read page by page so that a long chain never sits in memory at once. The next page
    /// loads while the caller works through the current one; the caller must not use the context meanwhile.
    /// </summary>
    internal static async IAsyncEnumerable<AuditEntry> StreamAsync(
        AppDbContext db, int pageSize, [EnumeratorCancellation] CancellationToken ct, long after = long.MinValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        Task<List<AuditEntry>>? next = PageAfterAsync(db, after, pageSize, ct);
        try
        {
            while (next is not null)
            {
                var page = await next;
                next = page.Count == pageSize ? PageAfterAsync(db, page[^1].Seq, pageSize, ct) : null;
                foreach (var entry in page) yield return entry;
            }
        }
        finally
        {
            // A caller that stops early (a break found) gets its context back only once no query is in flight.
            if (next is not null) await next.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    // Task.Run: SQLite's "async" reads complete synchronously and would not overlap otherwise.
    static Task<List<AuditEntry>> PageAfterAsync(AppDbContext db, long after, int pageSize, CancellationToken ct) =>
        Task.Run(() => db.AuditEntries.AsNoTracking().Where(e => e.Seq > after).OrderBy(e => e.Seq)
            .Take(pageSize).ToListAsync(ct), ct);
}
