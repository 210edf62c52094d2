using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Pages.Staff.Enterprises;

/// <summary>
/// Search over the whole directory, one page at a time (indexed filters; never the whole table). A request's work is
/// bounded whatever the directory's size: matches are counted up to <see cref="CountLimit"/> ("超过 N 条" beyond), pages
/// are numbered up to <see cref="MaxPageNumber"/>, and deeper pages go on by id (<c>after</c>), as fast as the first.
/// </summary>
public sealed class IndexModel(SearchEnterprises.Handler search) : PageModel
{
    public const int PageSize = 50;
    public const int CountLimit = 10_000;
    public const int MaxPageNumber = CountLimit / PageSize;

    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Uscc { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public RiskClass? Risk { get; set; }
    [BindProperty(SupportsGet = true)] public EnterpriseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Abnormal { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Serious { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary>Beyond the numbered pages: the rows after this enterprise id.</summary>
    [BindProperty(SupportsGet = true, Name = "after")] public int? AfterId { get; set; }

    public SearchEnterprises.Page Result { get; private set; } = new(0, [], null);
    public int PageCount => Math.Max(1, ((Result.Total ?? 0) + PageSize - 1) / PageSize);
    public bool ByKey => AfterId is not null;

    /// <summary>The next page: by number while numbered, then by id.</summary>
    public string? NextUrl => ByKey || PageNumber >= MaxPageNumber
        ? Result.NextAfterId is int next ? PageUrl(after: next) : null
        : PageNumber < PageCount ? PageUrl(PageNumber + 1) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, MaxPageNumber);
        Result = await search.HandleAsync(Query(PageNumber, AfterId), ct);
        if (!ByKey && Result.Items.Count == 0 && PageNumber > PageCount)
        {
            // A page number past the end (a stale link, a typed URL) shows the last page rather than nothing.
            PageNumber = PageCount;
            Result = await search.HandleAsync(Query(PageNumber, null), ct);
        }
        return Request.IsHtmx() ? Partial("_Results", this) : Page();
    }

    SearchEnterprises.Query Query(int page, int? after) => new()
    {
        Name = Name, NameContains = true, Uscc = Uscc, RegionCode = Region, Tag = Tag, RiskClass = Risk, Status = Status,
        AbnormalList = Abnormal, SeriousViolation = Serious, Page = page, PageSize = PageSize, AfterId = after, CountLimit = CountLimit,
    };

    /// <summary>The current filters with another page (by number, or after an id), for the pager links.</summary>
    public string PageUrl(int page = 1, int? after = null)
    {
        var pairs = HttpContext.Request.Query.Where(q => q.Key is not ("p" or "after"))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        var position = after is int id ? $"after={id}" : $"p={page}";
        return "?" + string.Join("&", pairs.Append(position));
    }
}
