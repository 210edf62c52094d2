using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Notices;
using SpotCheck.Core.Statistics;

namespace SpotCheck.Pages.Staff.Statistics;

/// <summary>统计与预警: the dashboards with charts beside their tables, fairness evidence and repeat-check alerts.</summary>
public sealed class IndexModel(StatisticsPage page) : PageModel
{
    public StatisticsPage.View View { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] FilterQuery q, CancellationToken ct) => View = await page.LoadAsync(q, ct);

    /// <summary>One table as xlsx, computed the same way as the screen.</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromQuery] FilterQuery q, string? table, CancellationToken ct)
    {
        View = await page.LoadAsync(q, ct);
        var t = View.Tables.FirstOrDefault(x => x.Id == table);
        if (t is null) return NotFound();
        var bytes = StatisticsXlsx.Write(t, View.Heading.Bureau, View.Heading.Period, Ui.Local(View.GeneratedAtUtc));
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"统计-{t.Id}-{View.Filter.Year}.xlsx");
    }

    /// <summary>年度总结 (.docx) for the filter, from the same dashboard figures; same rule as the xlsx export (the folder's Staff policy).</summary>
    public async Task<IActionResult> OnGetDocxAsync([FromQuery] FilterQuery q, [FromServices] AnnualReport.Handler report, CancellationToken ct)
    {
        var filter = page.Filter(q);
        var bytes = await report.HandleAsync(filter, ct);
        return File(bytes, NoticeDocument.ContentType, $"年度总结-{filter.Year}.docx");
    }
}
