using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Tasks;

public sealed record TaskSummary(int Id, TaskSource Source, string? DrawId, int EnterpriseId, string EnterpriseName,
    string Uscc, DateOnly DueDate, TaskState State, string LeaderName);

public sealed record TeamMemberView(int OfficerId, string Code, string Name, bool IsLeader, bool IsActive,
    string? WithdrawnReason, int? ReplacesOfficerId, DateTime? ConfirmedAtUtc);

public sealed record TaskDetail(InspectionTask Task, string EnterpriseName, string Uscc, string Address,
    IReadOnlyList<TeamMemberView> Team, IReadOnlyList<(int Id, string Code, string Name, string Content, string Methods)> Items);

/// <summary>The tasks a viewer may see (officers: their own), newest due date last.</summary>
public static class ListTasks
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<TaskSummary>> HandleAsync(TaskViewer viewer, TaskState? state = null, CancellationToken ct = default)
        {
            var q = viewer.Visible(db.InspectionTasks.AsNoTracking());
            if (state is TaskState s) q = q.Where(t => t.State == s);
            var rows = await q.OrderBy(t => t.DueDate).ThenBy(t => t.Id)
                .Join(db.Enterprises, t => t.EnterpriseId, e => e.Id, (t, e) => new { t.Id, t.Source, t.DrawId, t.EnterpriseId, e.Name, e.Uscc, t.DueDate, t.State })
                .Take(1000).ToListAsync(ct);
            var ids = rows.Select(r => r.Id).ToList();
            var leaders = await db.TaskMembers.AsNoTracking().Where(m => ids.Contains(m.TaskId) && m.IsLeader)
                .Join(db.Officers, m => m.OfficerId, o => o.Id, (m, o) => new { m.TaskId, o.Name }).ToListAsync(ct);
            var leaderOf = leaders.ToDictionary(l => l.TaskId, l => l.Name);
            return rows.Select(r => new TaskSummary(r.Id, r.Source, r.DrawId, r.EnterpriseId, r.Name, r.Uscc, r.DueDate, r.State,
                leaderOf.GetValueOrDefault(r.Id, ""))).ToList();
        }
    }
}

/// <summary>One task with its enterprise, team and items; not found when the viewer may not see it.</summary>
public static class GetTask
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<TaskDetail>> HandleAsync(int taskId, TaskViewer viewer, CancellationToken ct = default)
        {
            var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !viewer.CanSee(task)) return TaskErrors.NotFound;
            var e = await db.Enterprises.AsNoTracking().SingleAsync(x => x.Id == task.EnterpriseId, ct);
            var officerIds = task.Members.Select(m => m.OfficerId).ToList();
            var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
            var team = task.Members.OrderBy(m => m.IsActive ? 0 : 1).ThenBy(m => m.IsLeader ? 0 : 1).ThenBy(m => m.TicketOrder)
                .Select(m => new TeamMemberView(m.OfficerId, officers[m.OfficerId].Code, officers[m.OfficerId].Name, m.IsLeader,
                    m.IsActive, m.WithdrawnReason, m.ReplacesOfficerId, m.ConfirmedAtUtc)).ToList();
            var itemIds = task.ItemIdList;
            var items = (await db.InspectionItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).OrderBy(i => i.Code).ToListAsync(ct))
                .Select(i => (i.Id, i.Code, i.Name, i.Content, i.Methods)).ToList();
            return new TaskDetail(task, e.Name, e.Uscc, e.Address, team, items);
        }
    }
}
