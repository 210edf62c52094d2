using Microsoft.AspNetCore.Authorization;
using SpotCheck.Core.Identity;

namespace SpotCheck.Hosting.Security;

/// <summary>
/// The role rules of SPEC §1 as named policies, attached to API route groups, page folders, pages and page handlers
/// (<see cref="HandlerPolicyAttribute"/>); nothing else asks for a role. Rules that depend on the data (an officer on
/// the task's team) stay in the use cases. A later data scope (departments) is a second requirement on these policies.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in member of staff: reads the lists, directories, plans and the tasks the use cases let it see.</summary>
    public const string Staff = nameof(Staff);
    /// <summary>Users, calendars, demo data and other settings.</summary>
    public const string Admin = nameof(Admin);
    /// <summary>The item list, the directories and departments, import and export.</summary>
    public const string Editors = nameof(Editors);
    /// <summary>Plans, running draws (the organiser), complaint tasks and team changes.</summary>
    public const string Planners = nameof(Planners);
    /// <summary>Draws before and after 公示, with their full selection: the two parties of the ceremony.</summary>
    public const string DrawReaders = nameof(DrawReaders);
    /// <summary>Commit, public randomness and reveal: organiser (Planner) and supervisor.</summary>
    public const string DrawParties = nameof(DrawParties);
    /// <summary>Approve or return records, resolve objections, publish results (公示) and correct them.</summary>
    public const string Reviewers = nameof(Reviewers);
    /// <summary>Record objections and close follow-up measures.</summary>
    public const string FollowUp = nameof(FollowUp);
    /// <summary>Record inspections, confirm, submit and upload evidence (on their own team: the use cases check that).</summary>
    public const string TeamMembers = nameof(TeamMembers);
    /// <summary>Withdraw an officer from a team: the officer itself (use case) or a planner.</summary>
    public const string Withdrawers = nameof(Withdrawers);
    /// <summary>Reads the audit log.</summary>
    public const string Auditors = nameof(Auditors);
    /// <summary>Exports published results in the national publicity layout: Reviewer, Supervisor.</summary>
    public const string ResultExporters = nameof(ResultExporters);
    /// <summary>Issues (numbers) notices: everyone but the Supervisor, who only reads; officers only for their own tasks (use case).</summary>
    public const string NoticeIssuers = nameof(NoticeIssuers);

    /// <summary>Which roles each policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> RolesOf = new Dictionary<string, IReadOnlyList<string>>
    {
        [Staff] = Roles.All,
        [Admin] = [Roles.Admin],
        [Editors] = [Roles.Admin, Roles.Planner],
        [Planners] = [Roles.Planner],
        [DrawReaders] = [Roles.Planner, Roles.Supervisor],
        [DrawParties] = [Roles.Planner, Roles.Supervisor],
        [Reviewers] = [Roles.Reviewer],
        [FollowUp] = [Roles.Planner, Roles.Reviewer],
        [TeamMembers] = [Roles.Officer],
        [Withdrawers] = [Roles.Officer, Roles.Planner],
        [Auditors] = [Roles.Supervisor, Roles.Admin],
        [ResultExporters] = [Roles.Reviewer, Roles.Supervisor],
        [NoticeIssuers] = [Roles.Admin, Roles.Planner, Roles.Reviewer, Roles.Officer],
    };

    public static void Add(AuthorizationOptions o)
    {
        // Deny by default: an endpoint without a rule still needs a signed-in user, and the authorization matrix
        // test fails for any route it does not list.
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        foreach (var (policy, roles) in RolesOf) o.AddPolicy(policy, p => p.RequireRole(roles));
    }
}
