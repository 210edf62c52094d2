using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Data;
using SpotCheck.Core.Publication;

namespace SpotCheck.Pages.Staff.Publication;

/// <summary>
/// The year's published results as xlsx in the 国家企业信用信息公示系统 layout, for entry into the 协同平台
/// (docs/publication-exports.md). Its rule is in PageRules (Reviewer, Supervisor).
/// </summary>
public sealed class ExportModel(AppDbContext db, PortalFacts.Handler facts) : PageModel
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Years = (await facts.HandleAsync(ct)).Years;

    public async Task<IActionResult> OnGetDownloadAsync(int? year, CancellationToken ct)
    {
        Years = (await facts.HandleAsync(ct)).Years;
        if (year is not int y || !Years.Contains(y))
        {
            ModelState.AddModelError("year", "请选择有已公示结果的检查年度");
            return Page();
        }
        var bytes = await CreditPublicityWorkbook.BuildAsync(db, y, ct);
        return File(bytes, XlsxType, $"抽查检查结果-{y}.xlsx");
    }
}
