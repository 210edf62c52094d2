using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;

namespace SpotCheck.Pages.Staff;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int PublishedItems { get; private set; }
    public int Enterprises { get; private set; }
    public int Officers { get; private set; }
    public int Departments { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PublishedItems = await db.InspectionItems.CountAsync(i => i.Status == ItemStatus.Published, ct);
        Enterprises = await db.Enterprises.CountAsync(ct);
        Officers = await db.Officers.CountAsync(ct);
        Departments = await db.Departments.CountAsync(ct);
    }
}
