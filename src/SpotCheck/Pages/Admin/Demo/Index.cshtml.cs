using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Demo;

namespace SpotCheck.Pages.Admin.Demo;

/// <summary>示例数据: what the demo dataset holds, and its removal in one action (Admin only, by the /Admin folder rule).</summary>
public sealed class IndexModel(DemoSummary.Handler summary) : PageModel
{
    public DemoSummary.Counts Counts { get; private set; } = null!;
    [BindProperty] public bool Confirmed { get; set; }
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Counts = await summary.HandleAsync(ct);

    public async Task<IActionResult> OnPostRemoveAsync([FromServices] RemoveDemoData.Handler remove, CancellationToken ct)
    {
        var result = await remove.HandleAsync(Confirmed, User.Identity!.Name!, ct);
        if (result.IsSuccess)
        {
            Message = $"已删除全部示例数据（共 {result.Value} 条记录）。审计日志保留，并记录了本次删除。";
            return RedirectToPage();
        }
        Problem = result.Error!.Message;
        Counts = await summary.HandleAsync(ct);
        return Page();
    }
}
