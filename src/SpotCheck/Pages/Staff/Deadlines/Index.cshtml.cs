using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Data;
using SpotCheck.Core.Publication;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Deadlines;

/// <summary>The 20-working-day publication clock: due soon, overdue, published late, waiting for a calendar year.</summary>
public sealed class IndexModel(AppDbContext db, DeadlineBoard.Handler board, TimeProvider clock) : PageModel
{
    public DeadlineBoard.Board Board { get; private set; } = null!;

    public async Task OnGetAsync(int? year, string? department, string? item, CancellationToken ct)
    {
        var filter = new DeadlineBoard.Filter(year ?? Ui.LocalToday(clock).Year, NullIfEmpty(department), NullIfEmpty(item));
        Board = await board.HandleAsync(filter, await TaskViewers.ForAsync(User, db, ct), ct);
    }

    /// <summary>The same page with one filter changed, for the count links.</summary>
    public string Link(string? department = null, string? item = null) =>
        $"?year={Board.Filter.Year}" + (department is null ? "" : "&department=" + Uri.EscapeDataString(department))
        + (item is null ? "" : "&item=" + Uri.EscapeDataString(item)) + "#lists";

    static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
