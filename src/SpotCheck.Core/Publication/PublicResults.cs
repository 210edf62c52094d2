using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Publication;

/// <summary>
/// The portal's 抽查结果公告: current versions of published results, newest first, searched by enterprise name or USCC
/// and filtered by year (of the inspection), item, department and result code. Only <see cref="PublishedResult"/> rows
/// are read: the public never sees anything that was not published.
/// </summary>
/// <remarks>
/// Every request does bounded work whatever the table's size (SPEC §6): pages by number reach at most
/// <see cref="MaxOffset"/> rows deep and go on by keyset cursor; a search considers at most <see cref="MatchCap"/>
/// matching rows, found through an index (<see cref="PublicNameIndex"/>, the USCC index); the totals of the unsearched
/// lists are counted once per state of the platform (<see cref="PublicTotals"/>).
/// </remarks>
public static class PublicResults
{
    public const int MaxPageSize = 100;
    public const int MaxOffset = 2000;
    public const int MatchCap = 1000;

    public sealed record Query(string? Q = null, int? Year = null, string? Item = null, string? Department = null, string? Result = null,
        int Page = 1, int PageSize = 20, PageCursor? After = null, PageCursor? Before = null);

    public sealed record Page(int Total, IReadOnlyList<PublishedResult> Items, int PageNumber, int PageSize)
    {
        /// <summary>The search matched more rows than it considers: <see cref="Total"/> is a lower bound.</summary>
        public bool TotalIsAtLeast { get; init; }
        public bool HasNext { get; init; }
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
        public PageCursor? First => Items.Count == 0 ? null : PageCursor.Of(Items[0]);
        public PageCursor? Last => Items.Count == 0 ? null : PageCursor.Of(Items[^1]);
    }

    /// <summary>The deepest page served by number for this page size; deeper pages are reached by cursor.</summary>
    public static int MaxPageNumber(int pageSize) => MaxOffset / Math.Clamp(pageSize, 1, MaxPageSize) + 1;

    public sealed class Handler(AppDbContext db, PublicTotals? totals = null)
    {
        public async Task<Page> SearchAsync(Query q, CancellationToken ct = default)
        {
            var size = Math.Clamp(q.PageSize, 1, MaxPageSize);
            var page = Math.Clamp(q.Page, 1, q.After is null && q.Before is null ? MaxPageNumber(size) : int.MaxValue);
            var rows = Filter(db, q);
            int total;
            var atLeast = false;
            if (Clean(q.Q) is { } text)
            {
                var candidates = await MatchingIdsAsync(text, ct);
                atLeast = candidates.Count == MatchCap;
                rows = rows.Where(r => candidates.Contains(r.Id));
                total = await rows.CountAsync(ct);
            }
            else
            {
                total = totals is null
                    ? await rows.CountAsync(ct)
                    : await totals.GetAsync(await PublicTotals.GenerationAsync(db, ct), $"results|{q.Year}|{Clean(q.Item)}|{Clean(q.Department)}|{Clean(q.Result)}",
                        () => rows.CountAsync(CancellationToken.None));
            }

            List<PublishedResult> items;
            if (q.Before is { } before)
            {
                items = await rows.Where(r => r.PublishedAtUtc >= before.PublishedAtUtc && (r.PublishedAtUtc > before.PublishedAtUtc || r.Id > before.Id))
                    .OrderBy(r => r.PublishedAtUtc).ThenBy(r => r.Id).Take(size).ToListAsync(ct);
                items.Reverse();
                return new Page(total, items, page, size) { TotalIsAtLeast = atLeast, HasNext = true };
            }
            var ordered = q.After is { } after
                ? rows.Where(r => r.PublishedAtUtc <= after.PublishedAtUtc && (r.PublishedAtUtc < after.PublishedAtUtc || r.Id < after.Id))
                    .OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id)
                : rows.OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id).Skip((page - 1) * size);
            items = await ordered.Take(size + 1).ToListAsync(ct);
            var hasNext = items.Count > size;
            if (hasNext) items.RemoveAt(size);
            return new Page(total, items, page, size) { TotalIsAtLeast = atLeast, HasNext = hasNext };
        }

        /// <summary>Every current result of one enterprise (the portal's enterprise page), newest first.</summary>
        public async Task<IReadOnlyList<PublishedResult>> OfEnterpriseAsync(string uscc, CancellationToken ct = default) =>
            await Current(db).Where(r => r.Uscc == uscc).OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id).ToListAsync(ct);

        /// <summary>All versions of one task's published result, oldest first (the correction history).</summary>
        public async Task<IReadOnlyList<PublishedResult>> VersionsAsync(int taskId, CancellationToken ct = default) =>
            await db.PublishedResults.AsNoTracking().Where(r => r.TaskId == taskId).OrderBy(r => r.Version).ToListAsync(ct);

        /// <summary>All versions of several tasks' results, oldest first within each task.</summary>
        public async Task<ILookup<int, PublishedResult>> VersionsAsync(IReadOnlyCollection<int> taskIds, CancellationToken ct = default) =>
            (await db.PublishedResults.AsNoTracking().Where(r => taskIds.Contains(r.TaskId)).OrderBy(r => r.TaskId).ThenBy(r => r.Version).ToListAsync(ct))
            .ToLookup(r => r.TaskId);

        /// <summary>
        /// Published rows (any version) whose enterprise name contains the text or whose USCC starts with it, newest
        /// first, at most <see cref="MatchCap"/>: an 18-character code is one USCC; fewer than
        /// <see cref="PublicNameIndex.MinSubstring"/> characters match the start of the name.
        /// </summary>
        async Task<List<long>> MatchingIdsAsync(string text, CancellationToken ct)
        {
            var code = text.ToUpperInvariant();
            var codeLike = code.All(char.IsAsciiLetterOrDigit);
            var all = db.PublishedResults.AsNoTracking();
            if (codeLike && code.Length == 18)
                return await all.Where(r => r.Uscc == code).OrderByDescending(r => r.Id).Select(r => r.Id).Take(MatchCap).ToListAsync(ct);
            // SQLite compares text bytewise, so "starts with" is an index range; PostgreSQL may sort by a locale, where
            // only LIKE 'text%' is exact.
            var sqlite = DatabaseProvider.Of(db) == DatabaseProvider.Sqlite;
            var ids = new List<long>();
            if (codeLike)
            {
                var byCode = sqlite
                    ? all.Where(r => string.Compare(r.Uscc, code) >= 0 && string.Compare(r.Uscc, code + Highest) < 0)
                    : all.Where(r => r.Uscc.StartsWith(code));
                ids.AddRange(await byCode.OrderByDescending(r => r.Id).Select(r => r.Id).Take(MatchCap).ToListAsync(ct));
            }
            if (text.Length >= PublicNameIndex.MinSubstring)
                ids.AddRange(await PublicNameIndex.ContainingAsync(db, text, MatchCap, ct));
            else
            {
                var byName = sqlite
                    ? all.Where(r => string.Compare(r.EnterpriseName, text) >= 0 && string.Compare(r.EnterpriseName, text + Highest) < 0)
                    : all.Where(r => r.EnterpriseName.StartsWith(text));
                ids.AddRange(await byName.Select(r => r.Id).Take(MatchCap).ToListAsync(ct));
            }
            return [.. ids.Distinct().OrderDescending().Take(MatchCap)];
        }
    }

    /// <summary>Sorts after every character (UTF-8 F4 8F BF BF): the end of a "starts with" range.</summary>
    static readonly string Highest = char.ConvertFromUtf32(0x10FFFF);

    public static IQueryable<PublishedResult> Current(AppDbContext db) =>
        db.PublishedResults.AsNoTracking().Where(r => !db.PublishedResults.Any(n => n.TaskId == r.TaskId && n.Version > r.Version));

    static IQueryable<PublishedResult> Filter(AppDbContext db, Query q)
    {
        var rows = Current(db);
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

        /// <summary>One batch without its results (a batch may hold thousands: read them by page).</summary>
        public Task<PublicationBatch?> HeaderAsync(string number, CancellationToken ct = default) =>
            db.PublicationBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Number == number, ct);

        /// <summary>
        /// A page of one batch's results as published (version 1; a later correction is shown on the result itself),
        /// in publication order; a size of 0 reads them all (the whole notice, for printing).
        /// </summary>
        public async Task<IReadOnlyList<PublishedResult>> ResultsAsync(int batchId, int page, int size, CancellationToken ct = default)
        {
            var rows = db.PublishedResults.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.Id).AsQueryable();
            if (size > 0) rows = rows.Skip((Math.Max(page, 1) - 1) * size).Take(size);
            return await rows.ToListAsync(ct);
        }

        /// <summary>检查实施机关 of all the batch's results: the bodies that publish it, in a stable order.</summary>
        public async Task<string> PublishersAsync(int batchId, CancellationToken ct = default) =>
            string.Join("、", (await db.PublishedResults.AsNoTracking().Where(r => r.BatchId == batchId).Select(r => r.DepartmentNames)
                    .Distinct().ToListAsync(ct))
                .SelectMany(n => n.Split('、')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }
}

/// <summary>
/// A position in the results list (newest first by publication time, then id) for keyset paging: the next page is
/// "after" the last row shown, the previous "before" the first, so a deep page costs no more than the first.
/// </summary>
public readonly record struct PageCursor(DateTime PublishedAtUtc, long Id)
{
    public static PageCursor Of(PublishedResult r) => new(r.PublishedAtUtc, r.Id);

    public override string ToString() =>
        PublishedAtUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static PageCursor? Parse(string? text)
    {
        var parts = (text ?? "").Split('-');
        return parts.Length == 2
            && long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTime.MaxValue.Ticks
            && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? new PageCursor(new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
    }
}
