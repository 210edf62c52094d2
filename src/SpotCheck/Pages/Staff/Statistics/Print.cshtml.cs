using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpotCheck.Pages.Staff.Statistics;

/// <summary>The dashboards on A4 paper: the bureau, the period and the generation time (China time) on top.</summary>
public sealed class PrintModel(StatisticsPage page) : PageModel
{
    public StatisticsPage.View View { get; private set; } = null!;

    public async Task OnGetAsync(int? year, int? plan, string? department, string? item, CancellationToken ct) =>
        View = await page.LoadAsync(year, plan, department, item, ct);
}
