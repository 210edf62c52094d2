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
        var now = utcNow ?? DateTime.UtcNow;
        var tasks = targets
            .Where(t => t.TeamInTicketOrder.Count > 0)
            .Select(t => InspectionTask.ForDraw(planId, drawId, t.Rank, checked((int)t.EnterpriseId), itemIds, dueDate,
                t.TeamInTicketOrder.Select(m => (m.OfficerId, m.Ticket)).ToList(), createdBy, now))
            .ToList();
        db.InspectionTasks.AddRange(tasks);
        return tasks;
    }
}
