using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Pages.Staff.Tasks;

public sealed class IndexModel(AppDbContext db, ListTasks.Handler list) : PageModel
{
    public IReadOnlyList<TaskSummary> Rows { get; private set; } = [];
    public bool SeesAll { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await TaskViewers.ForAsync(User, db, ct);
        SeesAll = viewer.SeesAll;
        Rows = await list.HandleAsync(viewer, null, ct);
    }
}
