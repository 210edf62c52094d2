using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Pages.Staff.Enterprises;

/// <summary>Search over the whole directory, one page at a time (indexed filters; never the whole table).</summary>
public sealed class IndexModel(SearchEnterprises.Handler search) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? Uscc { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public RiskClass? Risk { get; set; }
    [BindProperty(SupportsGet = true)] public EnterpriseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Abnormal { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Serious { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public SearchEnterprises.Page Result { get; private set; } = new(0, [], null);
    public int PageCount => Math.Max(1, ((Result.Total ?? 0) + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 1_000_000);
        Result = await search.HandleAsync(new SearchEnterprises.Query
        {
            Name = Name, NameContains = true, Uscc = Uscc, RegionCode = Region, Tag = Tag, RiskClass = Risk, Status = Status,
            AbnormalList = Abnormal, SeriousViolation = Serious, Page = PageNumber, PageSize = PageSize,
        }, ct);
        return Request.IsHtmx() ? Partial("_Results", this) : Page();
    }

    /// <summary>The current filters with another page number, for the pager links.</summary>
    public string PageUrl(int page)
    {
        var pairs = HttpContext.Request.Query.Where(q => q.Key != "p")
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "?" + string.Join("&", pairs.Append($"p={page}"));
    }
}
