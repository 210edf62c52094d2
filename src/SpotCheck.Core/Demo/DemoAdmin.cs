using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Demo;

/// <summary>How many demo records of each kind exist (the 示例数据 admin page).</summary>
public static class DemoSummary
{
    public sealed record Counts(int Departments, int Officers, int Items, int Enterprises, int Plans, int Draws, int Tasks, int Records)
    {
        public int Total => Departments + Officers + Items + Enterprises + Plans + Draws + Tasks + Records;
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Counts> HandleAsync(CancellationToken ct = default)
        {
            var plans = await DemoRemoval.DemoPlanIdsAsync(db, ct);
            var tasks = db.InspectionTasks.Where(t => (t.PlanId != null && plans.Contains(t.PlanId.Value))
                || db.Enterprises.Any(e => e.IsDemo && e.Id == t.EnterpriseId));
            return new Counts(
                await db.Departments.CountAsync(d => d.IsDemo, ct),
                await db.Officers.CountAsync(o => o.IsDemo, ct),
                await db.InspectionItems.CountAsync(i => i.IsDemo, ct),
                await db.Enterprises.CountAsync(e => e.IsDemo, ct),
                plans.Count,
                await db.DrawSessions.CountAsync(d => plans.Contains(d.PlanId), ct),
                await tasks.CountAsync(ct),
                await db.InspectionRecords.CountAsync(r => tasks.Any(t => t.Id == r.TaskId), ct));
        }
    }
}

/// <summary>Removes the whole demo dataset (Admin); see <see cref="DemoRemoval"/>.</summary>
public static class RemoveDemoData
{
    public sealed class Handler(AppDbContext db, AuditLog audit)
    {
        public async Task<Result<int>> HandleAsync(bool confirmed, string actor, CancellationToken ct = default)
        {
            if (!confirmed) return new Error("demo.unconfirmed", "请勾选确认后再删除全部示例数据", "confirmed");
            return await DemoRemoval.RemoveAsync(db, audit, actor, ct);
        }
    }
}
