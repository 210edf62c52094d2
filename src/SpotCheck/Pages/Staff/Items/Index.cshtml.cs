using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;

namespace SpotCheck.Pages.Staff.Items;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    /// <summary>One row per item code: its newest version and the version in force (if any).</summary>
    public sealed record Row(InspectionItem Latest, InspectionItem? Published, string Department);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var versions = await db.InspectionItems.AsNoTracking().OrderBy(i => i.Code).ThenBy(i => i.Version).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        Rows = [.. versions.GroupBy(i => i.Code, StringComparer.Ordinal).Select(g => new Row(
            g.Last(), g.LastOrDefault(i => i.Status == ItemStatus.Published), departments.GetValueOrDefault(g.Last().DepartmentId, "")))];
    }
}
