using SpotCheck.Core.Identity;

namespace SpotCheck.Core.Tasks;

/// <summary>
/// Who is looking at tasks. Officers see only tasks on which they are an active team member; planners, reviewers,
/// supervisors and admins see all. A task that is not visible is reported as not found (never as forbidden data).
/// </summary>
public sealed record TaskViewer(string UserName, int? OfficerId, bool SeesAll)
{
    public static TaskViewer From(string userName, int? officerId, IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        var seesAll = set.Contains(Roles.Admin) || set.Contains(Roles.Planner) || set.Contains(Roles.Reviewer) || set.Contains(Roles.Supervisor);
        return new TaskViewer(userName, officerId, seesAll);
    }

    public IQueryable<InspectionTask> Visible(IQueryable<InspectionTask> tasks) =>
        SeesAll ? tasks
        : OfficerId is int id ? tasks.Where(t => t.Members.Any(m => m.IsActive && m.OfficerId == id))
        : tasks.Where(t => false);

    public bool CanSee(InspectionTask task) => SeesAll || (OfficerId is int id && task.HasActiveMember(id));

    public bool IsMemberOf(InspectionTask task) => OfficerId is int id && task.HasActiveMember(id);
}
