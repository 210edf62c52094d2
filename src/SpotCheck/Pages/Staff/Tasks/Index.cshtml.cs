using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Tasks;

public sealed class IndexModel(AppDbContext db, ListTasks.Handler list) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public TaskPage Result { get; private set; } = new(0, [], 1, PageSize);
    public IReadOnlyList<TaskSummary> Rows => Result.Items;
    public bool SeesAll { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await TaskViewers.ForAsync(User, db, ct);
        SeesAll = viewer.SeesAll;
        Result = await list.PageAsync(viewer, null, PageNumber, PageSize, ct);
    }
}
