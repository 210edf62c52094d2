using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Data;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Pages.Staff.Tasks;

namespace SpotCheck.Pages.Staff.Reviews;

public sealed class IndexModel(AppDbContext db, ReviewQueue.Handler queue) : PageModel
{
    public TaskPage Result { get; private set; } = new(0, [], 1, 50);
    public IReadOnlyList<TaskSummary> Rows => Result.Items;

    public async Task<IActionResult> OnGetAsync(int? p, CancellationToken ct)
    {
        Result = await queue.HandleAsync(await TaskViewers.ForAsync(User, db, ct), p ?? 1, ct);
        return Page();
    }
}
