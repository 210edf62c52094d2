using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Officers;

namespace SpotCheck.Pages.Staff.Officers;

public sealed class IndexModel(ListOfficers.Handler list, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ListOfficers.Row> Officers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int? department, CancellationToken ct)
    {
        Today = Ui.LocalToday(clock);
        Officers = await list.HandleAsync(department, ct);
    }
}
