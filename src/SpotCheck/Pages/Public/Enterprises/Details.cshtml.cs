using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Publication;

namespace SpotCheck.Pages.Public.Enterprises;

/// <summary>
/// All published results of one enterprise with each result's versions (the correction history). An enterprise with
/// nothing published has no page: the directory itself is not public.
/// </summary>
public sealed class DetailsModel(PublicResults.Handler results) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Uscc { get; set; } = "";

    public IReadOnlyList<PublishedResult> Current { get; private set; } = [];
    public ILookup<int, PublishedResult> Versions { get; private set; } = Enumerable.Empty<PublishedResult>().ToLookup(r => r.TaskId);
    public string Name => Current[0].EnterpriseName;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var uscc = Uscc.Trim().ToUpperInvariant();
        if (uscc.Length is 0 or > 32) return NotFound();
        Current = await results.OfEnterpriseAsync(uscc, ct);
        if (Current.Count == 0) return NotFound();
        Versions = await results.VersionsAsync([.. Current.Select(r => r.TaskId)], ct);
        return Page();
    }
}
