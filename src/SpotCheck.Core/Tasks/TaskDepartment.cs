using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Tasks;

static class TaskDepartment
{
    /// <summary>
    /// The department answerable for a task outside any plan: the department of its items, preferring one the
    /// current person acts for (a joint team's items may come from several departments).
    /// </summary>
    public static async Task<int> ForItemsAsync(AppDbContext db, IReadOnlyCollection<int> itemIds, CancellationToken ct)
    {
        var departments = await db.InspectionItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .OrderBy(i => i.Id).Select(i => i.DepartmentId).ToListAsync(ct);
        return departments.FirstOrDefault(db.Scope.ActsFor, departments.First());
    }
}
