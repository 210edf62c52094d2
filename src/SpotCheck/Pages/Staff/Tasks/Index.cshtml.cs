using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Tasks;

/// <summary>
/// The tasks the user may see, one page at a time, with bounded work whatever the number of tasks: counted up to
/// <see cref="CountLimit"/> ("超过 N 条" beyond), numbered pages up to <see cref="MaxPageNumber"/>, deeper pages after a
/// task (<c>after</c>), as fast as the first.
/// </summary>
public sealed class IndexModel(AppDbContext db, ListTasks.Handler list) : PageModel
{
    public const int PageSize = 50;
    public const int CountLimit = 10_000;
    public const int MaxPageNumber = CountLimit / PageSize;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary>Beyond the numbered pages: the tasks after this one in list order.</summary>
    [BindProperty(SupportsGet = true, Name = "after")] public int? AfterId { get; set; }
    public TaskPage Result { get; private set; } = new(0, [], 1, PageSize);
    public IReadOnlyList<TaskSummary> Rows => Result.Items;
    public bool SeesAll { get; private set; }
    public bool ByKey => Result.AfterTask;

    /// <summary>The next page: by number while numbered, then after the page's last task.</summary>
    public string? NextUrl => ByKey || (Result.Page >= MaxPageNumber && Result.TotalIsAtLeast)
        ? Result.NextAfterId is int next ? $"?after={next}" : null
        : Result.Page < Result.PageCount ? $"?p={Result.Page + 1}" : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await TaskViewers.ForAsync(User, db, ct);
        SeesAll = viewer.SeesAll;
        Result = await list.BrowseAsync(viewer, Math.Clamp(PageNumber, 1, MaxPageNumber), AfterId, PageSize, CountLimit, ct);
    }
}
