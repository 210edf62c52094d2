using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;

namespace SpotCheck.Pages.Public.Items;

/// <summary>抽查事项清单: each item's version in force with its 执法依据, and every earlier published version (drafts are not public).</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record ItemHistory(InspectionItem Current, string Department, IReadOnlyList<InspectionItem> Earlier);

    public IReadOnlyList<ItemHistory> Items { get; private set; } = [];
    public IReadOnlyList<ItemHistory> Retired { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var versions = await db.InspectionItems.AsNoTracking().Where(i => i.Status != ItemStatus.Draft)
            .OrderBy(i => i.Code).ThenByDescending(i => i.Version).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var histories = versions.GroupBy(i => i.Code, StringComparer.Ordinal)
            .Select(g => new ItemHistory(g.First(), departments.GetValueOrDefault(g.First().DepartmentId, ""), [.. g.Skip(1)])).ToList();
        Items = [.. histories.Where(h => h.Current.Status == ItemStatus.Published)];
        Retired = [.. histories.Where(h => h.Current.Status != ItemStatus.Published)];
    }
}
