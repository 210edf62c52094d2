using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Publication;

/// <summary>
/// The portal's 抽查结果公告: current versions of published results, newest first, searched by enterprise name or USCC
/// and filtered by year (of the inspection), item, department and result code. Only <see cref="PublishedResult"/> rows
/// are read: the public never sees anything that was not published.
/// </summary>
public static class PublicResults
{
    public const int MaxPageSize = 100;

    public sealed record Query(string? Q = null, int? Year = null, string? Item = null, string? Department = null, string? Result = null,
        int Page = 1, int PageSize = 20);

    public sealed record Page(int Total, IReadOnlyList<PublishedResult> Items, int PageNumber, int PageSize)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> SearchAsync(Query q, CancellationToken ct = default)
        {
            var size = Math.Clamp(q.PageSize, 1, MaxPageSize);
            var page = Math.Max(q.Page, 1);
            var filtered = Filter(db, q);
            var total = await filtered.CountAsync(ct);
            var rows = await filtered.OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id)
                .Skip((page - 1) * size).Take(size).ToListAsync(ct);
            return new Page(total, rows, page, size);
        }

        /// <summary>Every current result of one enterprise (the portal's enterprise page), newest first.</summary>
        public async Task<IReadOnlyList<PublishedResult>> OfEnterpriseAsync(string uscc, CancellationToken ct = default) =>
            await Current(db).Where(r => r.Uscc == uscc).OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id).ToListAsync(ct);

        /// <summary>All versions of one task's published result, oldest first (the correction history).</summary>
        public async Task<IReadOnlyList<PublishedResult>> VersionsAsync(int taskId, CancellationToken ct = default) =>
            await db.PublishedResults.AsNoTracking().Where(r => r.TaskId == taskId).OrderBy(r => r.Version).ToListAsync(ct);

        /// <summary>Every current result of one year, for the open-data export, oldest first.</summary>
        public IAsyncEnumerable<PublishedResult> OfYearAsync(int year) =>
            Current(db).Include(r => r.Items).Include(r => r.Departments).Where(r => r.Year == year)
                .OrderBy(r => r.PublishedAtUtc).ThenBy(r => r.Id).AsAsyncEnumerable();
    }

    public static IQueryable<PublishedResult> Current(AppDbContext db) =>
        db.PublishedResults.AsNoTracking().Where(r => !db.PublishedResults.Any(n => n.TaskId == r.TaskId && n.Version > r.Version));

    static IQueryable<PublishedResult> Filter(AppDbContext db, Query q)
    {
        var rows = Current(db);
        if (Clean(q.Q) is { } text)
        {
            var code = text.ToUpperInvariant();
            rows = code.Length == 18 && code.All(char.IsAsciiLetterOrDigit)
                ? rows.Where(r => r.Uscc == code)
                : rows.Where(r => r.EnterpriseName.Contains(text) || r.Uscc.StartsWith(code));
        }
        if (q.Year is int year) rows = rows.Where(r => r.Year == year);
        if (Clean(q.Item) is { } item) rows = rows.Where(r => r.Items.Any(i => i.ItemCode == item));
        if (Clean(q.Department) is { } dept) rows = rows.Where(r => r.Departments.Any(d => d.DepartmentCode == dept));
        if (Clean(q.Result) is { } result) rows = rows.Where(r => (";" + r.ResultCodes + ";").Contains(";" + result + ";"));
        return rows;
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The 抽查结果公告 batches, newest first, each with the audit head it carries.</summary>
public static class PublicBatches
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<(int Total, IReadOnlyList<PublicationBatch> Items)> ListAsync(int page, int pageSize, CancellationToken ct = default)
        {
            var size = Math.Clamp(pageSize, 1, PublicResults.MaxPageSize);
            var total = await db.PublicationBatches.CountAsync(ct);
            var rows = await db.PublicationBatches.AsNoTracking().OrderByDescending(b => b.PublishedAtUtc).ThenByDescending(b => b.Id)
                .Skip((Math.Max(page, 1) - 1) * size).Take(size).ToListAsync(ct);
            return (total, rows);
        }

        /// <summary>One batch with its results as published (version 1; a later correction is shown on the result itself).</summary>
        public Task<PublicationBatch?> FindAsync(string number, CancellationToken ct = default) =>
            db.PublicationBatches.AsNoTracking().Include(b => b.Results.OrderBy(r => r.Id)).SingleOrDefaultAsync(b => b.Number == number, ct);
    }
}
