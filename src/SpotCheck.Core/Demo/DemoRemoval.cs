using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;

namespace SpotCheck.Core.Demo;

/// <summary>
/// xiping-demo.md: "One admin action removes the whole dataset." Demo plans are those whose items are all demo items;
/// with them go their draws and selections, and every task of a demo plan, a demo enterprise or a demo officer (a
/// task cannot outlive its enterprise or team), with members, records, evidence rows, follow-ups, credit records,
/// objections and its published results. Audit entries stay (the log is append-only); a DEMO_REMOVED entry closes the transaction.
/// </summary>
static class DemoRemoval
{
    public static async Task<int> RemoveAsync(AppDbContext db, AuditLog audit, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plans = await DemoPlanIdsAsync(db, ct);
        var enterprises = await db.Enterprises.Where(e => e.IsDemo).Select(e => e.Id).ToListAsync(ct);
        var officers = await db.Officers.Where(o => o.IsDemo).Select(o => o.Id).ToListAsync(ct);
        var tasks = await TaskIdsAsync(db, plans, enterprises, officers, ct);

        // Published rows may be deleted only because they are demo rows (the immutability triggers allow nothing else).
        var published = db.PublishedResults.Where(r => tasks.Contains(r.TaskId)).Select(r => r.Id);
        var removed = await db.PublishedResultItems.Where(i => published.Contains(i.PublishedResultId)).ExecuteDeleteAsync(ct);
        removed += await db.PublishedResultDepartments.Where(d => published.Contains(d.PublishedResultId)).ExecuteDeleteAsync(ct);
        removed += await db.PublishedResults.Where(r => tasks.Contains(r.TaskId)).ExecuteDeleteAsync(ct);
        removed += await db.PublicationBatches.Where(b => b.IsDemo && !db.PublishedResults.Any(r => r.BatchId == b.Id)).ExecuteDeleteAsync(ct);
        removed += await db.Objections.Where(o => tasks.Contains(o.TaskId)).ExecuteDeleteAsync(ct);
        removed += await db.CreditRecords.Where(c => tasks.Contains(c.TaskId) || enterprises.Contains(c.EnterpriseId)).ExecuteDeleteAsync(ct);
        removed += await db.EvidenceFiles.Where(e => tasks.Contains(e.TaskId)).ExecuteDeleteAsync(ct);
        removed += await db.FollowUpActions.Where(f => tasks.Contains(f.TaskId) || (f.RecheckTaskId != null && tasks.Contains(f.RecheckTaskId.Value)))
            .ExecuteDeleteAsync(ct);
        removed += await db.InspectionRecords.Where(r => tasks.Contains(r.TaskId)).ExecuteDeleteAsync(ct);
        removed += await db.TaskMembers.Where(m => tasks.Contains(m.TaskId)).ExecuteDeleteAsync(ct);
        removed += await db.IssuedNotices.Where(n => tasks.Contains(n.TaskId)).ExecuteDeleteAsync(ct);
        removed += await DeleteTasksAsync(db, tasks, ct);
        var demoSelections = db.DrawSelections.Where(s => plans.Contains(s.PlanId) || enterprises.Contains(s.EnterpriseId));
        var reselected = await demoSelections.Select(s => s.EnterpriseId).Distinct().ToListAsync(ct);
        removed += await demoSelections.ExecuteDeleteAsync(ct);
        await LatestTeams.RebuildAsync(db, reselected, ct);
        removed += await db.DrawSessions.Where(d => plans.Contains(d.PlanId)).ExecuteDeleteAsync(ct);
        removed += await db.Plans.Where(p => plans.Contains(p.Id)).ExecuteDeleteAsync(ct);

        removed += await db.OfficerConflicts.Where(c => enterprises.Contains(c.EnterpriseId) || officers.Contains(c.OfficerId)).ExecuteDeleteAsync(ct);
        removed += await db.EnterpriseTags.Where(t => enterprises.Contains(t.EnterpriseId)).ExecuteDeleteAsync(ct);
        removed += await db.EnterpriseChanges.Where(c => enterprises.Contains(c.EnterpriseId)).ExecuteDeleteAsync(ct);
        removed += await db.Enterprises.Where(e => e.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.Officers.Where(o => o.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.InspectionItems.Where(i => i.IsDemo).ExecuteDeleteAsync(ct);
        removed += await db.Departments.Where(d => d.IsDemo
            && !db.Officers.Any(o => o.DepartmentId == d.Id) && !db.InspectionItems.Any(i => i.DepartmentId == d.Id)).ExecuteDeleteAsync(ct);
        await audit.AppendAsync(new AuditEvent("DEMO_REMOVED", actor, new JsonObject
        {
            ["recordsRemoved"] = removed, ["plansRemoved"] = plans.Count, ["tasksRemoved"] = tasks.Count,
        }), ct);
        await tx.CommitAsync(ct);
        return removed;
    }

    /// <summary>Plans whose items are all demo items.</summary>
    public static async Task<List<int>> DemoPlanIdsAsync(AppDbContext db, CancellationToken ct)
    {
        var demoItems = await db.InspectionItems.Where(i => i.IsDemo).Select(i => i.Id).ToListAsync(ct);
        if (demoItems.Count == 0) return [];
        return await db.Plans.Where(p => p.ItemIds.Any() && p.ItemIds.All(i => demoItems.Contains(i))).Select(p => p.Id).ToListAsync(ct);
    }

    /// <summary>The tasks to remove, plus every task that re-checks or replaces one of them (their references would dangle).</summary>
    static async Task<List<int>> TaskIdsAsync(AppDbContext db, List<int> plans, List<int> enterprises, List<int> officers, CancellationToken ct)
    {
        var ids = (await db.InspectionTasks.Where(t => (t.PlanId != null && plans.Contains(t.PlanId.Value)) || enterprises.Contains(t.EnterpriseId)
            || t.Members.Any(m => officers.Contains(m.OfficerId))).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        while (true)
        {
            var known = ids.ToList();
            var more = await db.InspectionTasks.Where(t => !known.Contains(t.Id)
                && ((t.RecheckOfTaskId != null && known.Contains(t.RecheckOfTaskId.Value)) || (t.ReplacesTaskId != null && known.Contains(t.ReplacesTaskId.Value))))
                .Select(t => t.Id).ToListAsync(ct);
            if (more.Count == 0) return known;
            ids.UnionWith(more);
        }
    }

    /// <summary>Tasks refer to tasks (re-check, replacement) with RESTRICT: delete those nobody still refers to, round by round.</summary>
    static async Task<int> DeleteTasksAsync(AppDbContext db, List<int> tasks, CancellationToken ct)
    {
        var removed = 0;
        while (true)
        {
            var batch = await db.InspectionTasks.Where(t => tasks.Contains(t.Id)
                && !db.InspectionTasks.Any(o => o.RecheckOfTaskId == t.Id || o.ReplacesTaskId == t.Id)).ExecuteDeleteAsync(ct);
            if (batch == 0) return removed;
            removed += batch;
        }
    }
}
