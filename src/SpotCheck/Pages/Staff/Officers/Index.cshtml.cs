using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Officers;

namespace SpotCheck.Pages.Staff.Officers;

/// <summary>The officer directory, <see cref="PageSize"/> at a time in code order.</summary>
public sealed class IndexModel(ListOfficers.Handler list, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public int? Department { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ListOfficers.Row> Officers { get; private set; } = [];
    public int Total { get; private set; }
    public int Ready { get; private set; }
    public DateOnly Today { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Ui.LocalToday(clock);
        Ready = await list.CountReadyAsync(Department, Today, ct);
        PageNumber = Math.Max(PageNumber, 1);
        var page = await list.HandleAsync(Department, (PageNumber - 1) * PageSize, PageSize, ct);
        if (page.Rows.Count == 0 && page.Total > 0)
        {
            // Past the end (a stale link): the last page.
            PageNumber = (page.Total + PageSize - 1) / PageSize;
            page = await list.HandleAsync(Department, (PageNumber - 1) * PageSize, PageSize, ct);
        }
        (Officers, Total) = (page.Rows, page.Total);
    }

    public string PageUrl(int page) => Department is int d ? $"?department={d}&p={page}" : $"?p={page}";
}
