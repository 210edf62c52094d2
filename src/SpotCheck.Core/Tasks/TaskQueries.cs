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

/// <summary>One page of tasks and how many there are in all.</summary>
public sealed record TaskPage(int Total, IReadOnlyList<TaskSummary> Items, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>More tasks than the count limit of <see cref="ListTasks.Handler.BrowseAsync"/>: <see cref="Total"/> is a lower bound.</summary>
    public bool TotalIsAtLeast { get; init; }

    /// <summary>The last task on a full page of <see cref="ListTasks.Handler.BrowseAsync"/>: the next page goes on after it.</summary>
    public int? NextAfterId { get; init; }

    /// <summary>The page goes on after a task (not numbered); false when that task was not one the viewer may see.</summary>
    public bool AfterTask { get; init; }
}

/// <summary>The tasks a viewer may see (officers: their own), unfinished first, then by due date, one page at a time.</summary>
public static class ListTasks
{
    public const int MaxPageSize = 100;

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>Page <paramref name="page"/> (from 1; clamped) of <paramref name="pageSize"/> rows (1–100), with the total.</summary>
        public async Task<TaskPage> PageAsync(TaskViewer viewer, TaskState? state, int page, int pageSize, CancellationToken ct = default)
        {
            pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
            var q = Query(viewer, state);
            var total = await q.CountAsync(ct);
            var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
            page = Math.Clamp(page, 1, pageCount);
            return new TaskPage(total, await RowsAsync(q, (page - 1) * pageSize, pageSize, ct), page, pageSize);
        }

        /// <summary>
        /// A page for browsing a list of any length with bounded work: tasks are counted up to
        /// <paramref name="countLimit"/>, pages are numbered while inside it, and deeper pages go on after a task
        /// (<paramref name="afterId"/>, in list order) instead of skipping every row before them.
        /// </summary>
        public async Task<TaskPage> BrowseAsync(TaskViewer viewer, int page, int? afterId, int pageSize, int countLimit, CancellationToken ct = default)
        {
            pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
            var q = Query(viewer, null);
            var counted = await q.Take(countLimit + 1).CountAsync(ct);
            var total = Math.Min(counted, countLimit);
            var after = afterId is int id ? await AfterAsync(q, id, ct) : null;
            page = after is null ? Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize)) : page;
            var rows = await RowsAsync(after ?? q, after is null ? (page - 1) * pageSize : 0, pageSize, ct);
            return new TaskPage(total, rows, page, pageSize)
            {
                TotalIsAtLeast = counted > countLimit,
                NextAfterId = rows.Count == pageSize ? rows[^1].Id : null,
                AfterTask = after is not null,
            };
        }

        /// <summary>The tasks after task <paramref name="id"/> in list order; null when the viewer cannot see it.</summary>
        static async Task<IQueryable<InspectionTask>?> AfterAsync(IQueryable<InspectionTask> q, int id, CancellationToken ct)
        {
            var anchor = await q.Where(t => t.Id == id).Select(t => new { t.IsFinished, t.DueDate }).SingleOrDefaultAsync(ct);
            if (anchor is null) return null;
            var due = anchor.DueDate;
            return anchor.IsFinished
                ? q.Where(t => t.IsFinished && t.DueDate >= due && (t.DueDate > due || t.Id > id))
                : q.Where(t => t.IsFinished || (t.DueDate >= due && (t.DueDate > due || t.Id > id)));
        }

        IQueryable<InspectionTask> Query(TaskViewer viewer, TaskState? state)
        {
            var q = viewer.Visible(db.InspectionTasks.AsNoTracking());
            return state is TaskState s ? q.Where(t => t.State == s) : q;
        }

        async Task<IReadOnlyList<TaskSummary>> RowsAsync(IQueryable<InspectionTask> q, int skip, int take, CancellationToken ct)
        {
            // Work still to do first (检查中, 已退回, 待审核), then finished tasks; within each, the nearest due date first.
            // The page's ids are cut from the list's covering index alone (a deep page skips tens of thousands of rows
            // without reading them), then only those tasks are read and joined to their enterprises.
            var pageIds = q.OrderBy(t => t.IsFinished).ThenBy(t => t.DueDate).ThenBy(t => t.Id).Skip(skip).Take(take).Select(t => t.Id);
            var rows = (await db.InspectionTasks.AsNoTracking().Where(t => pageIds.Contains(t.Id))
                .Join(db.Enterprises, t => t.EnterpriseId, e => e.Id, (t, e) => new { t.Id, t.Source, t.DrawId, t.EnterpriseId, e.Name, e.Uscc, t.DueDate, t.State, t.IsFinished })
                .ToListAsync(ct)).OrderBy(r => r.IsFinished).ThenBy(r => r.DueDate).ThenBy(r => r.Id).ToList();
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
