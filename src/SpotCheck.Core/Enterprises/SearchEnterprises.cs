using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Enterprises;

/// <summary>
/// Filters the directory with index-friendly predicates and pages it by Id: offset paging for the UI, or keyset
/// (<see cref="Query.AfterId"/>) for walking large result sets. Never loads the table.
/// </summary>
public static class SearchEnterprises
{
    public const int MaxPageSize = 100;

    public sealed class Query
    {
        /// <summary>Matches the start of the name (index range), or anywhere in it (trigram index) with <see cref="NameContains"/>.</summary>
        public string? Name { get; set; }
        public bool NameContains { get; set; }
        public string? Uscc { get; set; }
        public string? RegionCode { get; set; }
        public string? Tag { get; set; }
        public RiskClass? RiskClass { get; set; }
        public EnterpriseStatus? Status { get; set; }
        public bool? AbnormalList { get; set; }
        public bool? SeriousViolation { get; set; }
        public bool? IsDemo { get; set; }
        public int Page { get; set; } = 1;
        public int PageSize { get; set; } = 20;
        /// <summary>Keyset paging: rows with a larger Id than this; <see cref="Page"/> is then ignored.</summary>
        public int? AfterId { get; set; }
        /// <summary>Counting a large unfiltered table costs a scan; callers that only walk pages can skip it.</summary>
        public bool IncludeTotal { get; set; } = true;
        /// <summary>Count at most this many matches (a bounded index walk, not a table scan); more is reported as "at least".</summary>
        public int? CountLimit { get; set; }
    }

    public sealed record Row(int Id, string Name, string Uscc, string RegionCode, string Address, RiskClass RiskClass,
        bool AbnormalList, bool SeriousViolation, EnterpriseStatus Status, bool IsDemo, bool UsccOverridden, IReadOnlyList<string> Tags,
        int RowVersion);

    public sealed record Page(int? Total, IReadOnlyList<Row> Items, int? NextAfterId)
    {
        /// <summary>More rows matched than <see cref="Query.CountLimit"/>: <see cref="Total"/> is a lower bound.</summary>
        public bool TotalIsAtLeast { get; init; }
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> HandleAsync(Query q, CancellationToken ct = default)
        {
            var filtered = Filter(db, q);
            var size = Math.Clamp(q.PageSize, 1, MaxPageSize);
            int? total = !q.IncludeTotal ? null
                : q.CountLimit is int limit ? await filtered.Take(limit + 1).CountAsync(ct)
                : await filtered.CountAsync(ct);
            var atLeast = total > q.CountLimit;
            if (atLeast) total = q.CountLimit;
            var ordered = filtered.OrderBy(e => e.Id);
            var page = q.AfterId is { } after
                ? ordered.Where(e => e.Id > after).Take(size)
                : ordered.Skip((Math.Max(q.Page, 1) - 1) * size).Take(size);
            var rows = await page.Select(e => new
            {
                e.Id, e.Name, e.Uscc, e.RegionCode, e.Address, e.RiskClass, e.AbnormalList, e.SeriousViolation,
                e.Status, e.IsDemo, e.UsccOverrideReason, Tags = e.Tags.Select(t => t.Tag).ToList(), e.RowVersion,
            }).AsNoTracking().ToListAsync(ct);
            var items = rows.Select(r => new Row(r.Id, r.Name, r.Uscc, r.RegionCode, r.Address, r.RiskClass, r.AbnormalList,
                r.SeriousViolation, r.Status, r.IsDemo, r.UsccOverrideReason is not null,
                [.. r.Tags.Order(StringComparer.Ordinal)], r.RowVersion)).ToList();
            return new Page(total, items, items.Count == size ? items[^1].Id : null) { TotalIsAtLeast = atLeast };
        }
    }

    public static IQueryable<Enterprise> Filter(AppDbContext db, Query q)
    {
        var query = db.Enterprises.AsQueryable();
        if (EnterpriseRules.Clean(q.Name) is { } name)
        {
            if (q.NameContains) query = EnterpriseNameIndex.Containing(db, name);
            else
            {
                // A range on the Name index instead of LIKE, which SQLite cannot serve from a BINARY index.
                var upper = name + '\uffff';
                query = query.Where(e => string.Compare(e.Name, name) >= 0 && string.Compare(e.Name, upper) < 0);
            }
        }
        if (EnterpriseRules.Clean(q.Uscc) is { } uscc)
        {
            var code = uscc.ToUpperInvariant();
            query = query.Where(e => e.Uscc == code);
        }
        if (EnterpriseRules.Clean(q.RegionCode) is { } region) query = query.Where(e => e.RegionCode == region);
        if (EnterpriseRules.Clean(q.Tag) is { } tag)
            query = query.Where(e => db.EnterpriseTags.Where(t => t.Tag == tag).Select(t => t.EnterpriseId).Contains(e.Id));
        if (q.RiskClass is { } risk) query = query.Where(e => e.RiskClass == risk);
        if (q.Status is { } status) query = query.Where(e => e.Status == status);
        if (q.AbnormalList is { } abnormal) query = query.Where(e => e.AbnormalList == abnormal);
        if (q.SeriousViolation is { } serious) query = query.Where(e => e.SeriousViolation == serious);
        if (q.IsDemo is { } demo) query = query.Where(e => e.IsDemo == demo);
        return query;
    }
}

/// <summary>One enterprise with its tags and change history, for the detail page.</summary>
public static class GetEnterprise
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Enterprise>> HandleAsync(int id, CancellationToken ct = default)
        {
            var e = await db.Enterprises.AsNoTracking().Include(x => x.Tags)
                .Include(x => x.Changes.OrderByDescending(c => c.Id)).SingleOrDefaultAsync(x => x.Id == id, ct);
            return e is null ? new Error("enterprise.not_found", "检查对象不存在", Kind: ErrorKind.NotFound) : e;
        }
    }
}
