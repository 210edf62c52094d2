using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Data;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Pages.Staff.Tasks;

namespace SpotCheck.Pages.Staff.Reviews;

public sealed class IndexModel(AppDbContext db, ReviewQueue.Handler queue) : PageModel
{
    public IReadOnlyList<TaskSummary> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!TaskViewers.CanReview(User)) return Forbid();
        Rows = await queue.HandleAsync(await TaskViewers.ForAsync(User, db, ct), ct);
        return Page();
    }
}
