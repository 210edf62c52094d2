using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;
using SpotCheck.Core.Publication;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Pages.Public.Results;

/// <summary>
/// 抽查结果公告: search by name or USCC, filters by year, item, department and result, 20 a page; pages up to
/// <see cref="PublicResults.MaxOffset"/> rows deep by number, deeper ones by cursor. Also the open data per year.
/// </summary>
public sealed class IndexModel(AppDbContext db, PublicResults.Handler results, PortalFacts.Handler facts) : PageModel
{
    public const int PageSize = 20;
    public const int MaxQuery = 100;

    public string? Q { get; private set; }
    public int? Year { get; private set; }
    public string? Item { get; private set; }
    public string? Department { get; private set; }
    public string? Result { get; private set; }
    public string? InputError { get; private set; }

    public PublicResults.Page Found { get; private set; } = null!;
    public PortalFacts.Facts Facts { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Items { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Departments { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public bool Searching => Q is not null || Year is not null || Item is not null || Department is not null || Result is not null;

    public async Task OnGetAsync(string? q, string? year, string? item, string? department, string? result, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page, string? after, string? before,
        CancellationToken ct)
    {
        Q = Clean(q);
        if (Q is { Length: > MaxQuery })
        {
            InputError = $"查询内容不能超过{MaxQuery}个字，已截取前{MaxQuery}个字查询";
            Q = Q[..MaxQuery];
        }
        if (Clean(year) is { } y)
        {
            if (int.TryParse(y, out var parsed) && parsed is >= 2000 and <= 2100) Year = parsed;
            else InputError = "年度应为 2000–2100 之间的年份，已忽略该条件";
        }
        (Item, Department, Result) = (Clean(item), Clean(department), Clean(result));
        if (Result is not null && !RecordCodes.Results.ContainsKey(Result)) Result = null;

        Facts = await facts.HandleAsync(ct);
        Items = [.. (await db.InspectionItems.AsNoTracking().Where(i => i.Status != ItemStatus.Draft).OrderBy(i => i.Code).ThenByDescending(i => i.Version)
                .Select(i => new { i.Code, i.Name }).ToListAsync(ct))
            .DistinctBy(i => i.Code).Select(i => (i.Code, i.Name))];
        Departments = [.. (await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct)).Select(d => (d.Code, d.Name))];

        var cursorAfter = PageCursor.Parse(after);
        var cursorBefore = cursorAfter is null ? PageCursor.Parse(before) : null;
        Found = await results.SearchAsync(new PublicResults.Query(Q, Year, Item, Department, Result, page ?? 1, PageSize, cursorAfter, cursorBefore), ct);
        Pager = PagerFor(Found);
    }

    Pager PagerFor(PublicResults.Page found)
    {
        var n = found.PageNumber;
        var max = PublicResults.MaxPageNumber(PageSize);
        string? previous = n <= 1 ? null : n - 1 <= max ? Link(n - 1) : found.First is { } first ? Link(n - 1, before: first.ToString()) : null;
        string? next = !found.HasNext ? null : n + 1 <= max ? Link(n + 1) : found.Last is { } last ? Link(n + 1, after: last.ToString()) : null;
        return new Pager(n, found.TotalIsAtLeast ? 0 : found.PageCount, p => Link(p), previous, next);
    }

    public string Link(int page, string? after = null, string? before = null) => PortalText.Link("/public/results",
    [
        ("q", Q), ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("item", Item), ("department", Department),
        ("result", Result), ("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null), ("after", after), ("before", before),
    ]);

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
