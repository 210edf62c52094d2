using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Tasks;

/// <summary>Turns a draw's staffed targets into tasks (the contract between the draw ceremony and the task workflow).</summary>
public static class CreateDrawTasks
{
    public sealed record Member(int OfficerId, string Ticket);

    public sealed record Target(long EnterpriseId, int Rank, IReadOnlyList<Member> TeamInTicketOrder);

    /// <summary>
    /// Adds (does not save) one task per staffed target; targets without a team are skipped. The caller's
    /// AuditLog.AppendAsync saves them atomically with the draw's audit entry.
    /// </summary>
    public static IReadOnlyList<InspectionTask> Add(AppDbContext db, int planId, string drawId,
        IReadOnlyList<int> itemIds, DateOnly dueDate, IReadOnlyList<Target> targets, string createdBy = "system", DateTime? utcNow = null)
    {
        var tasks = Build(planId, drawId, itemIds, dueDate, targets, createdBy, utcNow ?? DateTime.UtcNow);
        db.InspectionTasks.AddRange(tasks);
        return tasks;
    }

    /// <summary>
    /// Writes the same tasks and their teams straight to the tables inside the caller's open transaction, without
    /// tracking them (a draw of 10,000 targets is 10,000 tasks and 40,000 seats): the draw's audit entry, saved in
    /// the same transaction, records them. Returns the number of tasks.
    /// </summary>
    public static async Task<int> WriteAsync(AppDbContext db, int planId, string drawId, IReadOnlyList<int> itemIds, DateOnly dueDate,
        IReadOnlyList<Target> targets, string createdBy, DateTime utcNow, CancellationToken ct)
    {
        var tasks = Build(planId, drawId, itemIds, dueDate, targets, createdBy, utcNow);
        await using (var rows = await EntityRowWriter<InspectionTask>.BeginAsync(db, ct))
        {
            foreach (var task in tasks) await rows.WriteAsync(task, ct);
            await rows.CompleteAsync(ct);
        }
        // A draw's tasks are written once, by its run: every task of this drawId is one of these.
        var ids = await db.InspectionTasks.IgnoreQueryFilters().AsNoTracking().Where(t => t.DrawId == drawId)
            .Select(t => new { t.Id, t.EnterpriseId }).ToDictionaryAsync(t => t.EnterpriseId, t => t.Id, ct);
        await using (var seats = await EntityRowWriter<TaskMember>.BeginAsync(db, ct))
        {
            foreach (var task in tasks)
            {
                var owner = new Dictionary<string, object?>(StringComparer.Ordinal) { [nameof(TaskMember.TaskId)] = ids[task.EnterpriseId] };
                foreach (var member in task.Members) await seats.WriteAsync(member, ct, owner);
            }
            await seats.CompleteAsync(ct);
        }
        return tasks.Count;
    }

    static List<InspectionTask> Build(int planId, string drawId, IReadOnlyList<int> itemIds, DateOnly dueDate,
        IReadOnlyList<Target> targets, string createdBy, DateTime now) =>
        [.. targets.Where(t => t.TeamInTicketOrder.Count > 0)
            .Select(t => InspectionTask.ForDraw(planId, drawId, t.Rank, checked((int)t.EnterpriseId), itemIds, dueDate,
                t.TeamInTicketOrder.Select(m => (m.OfficerId, m.Ticket)).ToList(), createdBy, now))];
}
