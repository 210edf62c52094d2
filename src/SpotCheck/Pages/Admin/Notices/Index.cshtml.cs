using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Notices;

namespace SpotCheck.Pages.Admin.Notices;

/// <summary>文书设置: each department's 文号 patterns and notice contact (Admin only, by the /Admin folder rule).</summary>
public sealed class IndexModel(ListNoticeSettings.Handler list) : PageModel
{
    public IReadOnlyList<DepartmentNoticeSettings> Departments { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Departments = await list.HandleAsync(ct);
}
