using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpotCheck.Pages.Staff.Statistics;

/// <summary>统计与预警: the dashboards with charts beside their tables, fairness evidence and repeat-check alerts.</summary>
public sealed class IndexModel(StatisticsPage page) : PageModel
{
    public StatisticsPage.View View { get; private set; } = null!;

    public async Task OnGetAsync(int? year, int? plan, string? department, string? item, CancellationToken ct) =>
        View = await page.LoadAsync(year, plan, department, item, ct);

    /// <summary>One table as xlsx, computed the same way as the screen.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int? year, int? plan, string? department, string? item, string? table, CancellationToken ct)
    {
        View = await page.LoadAsync(year, plan, department, item, ct);
        var t = View.Tables.FirstOrDefault(x => x.Id == table);
        if (t is null) return NotFound();
        var bytes = StatisticsXlsx.Write(t, View.Bureau, StatisticsPage.Period(View), Ui.Local(View.GeneratedAtUtc));
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"统计-{t.Id}-{View.Filter.Year}.xlsx");
    }
}
