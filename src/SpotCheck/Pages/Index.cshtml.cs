using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;

namespace SpotCheck.Pages;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<InspectionItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.InspectionItems.AsNoTracking()
            .Where(i => i.Status == ItemStatus.Published)
            .OrderBy(i => i.Code)
            .Take(500)
            .ToListAsync(ct);
}
