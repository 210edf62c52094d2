using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpotCheck.Pages.Staff.Statistics;

/// <summary>The dashboards on A4 paper: the bureau, the period and the generation time (China time) on top.</summary>
public sealed class PrintModel(StatisticsPage page) : PageModel
{
    public StatisticsPage.View View { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] FilterQuery q, CancellationToken ct) => View = await page.LoadAsync(q, ct);
}
