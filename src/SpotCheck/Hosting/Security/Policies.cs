using Microsoft.AspNetCore.Authorization;
using SpotCheck.Core.Identity;

namespace SpotCheck.Hosting.Security;

/// <summary>Named authorization policies, one per role group; everything else needs a signed-in user (fallback).</summary>
public static class Policies
{
    /// <summary>Any signed-in member of staff (all five roles).</summary>
    public const string Staff = nameof(Staff);
    /// <summary>May change the item list and the directories: Admin, Planner.</summary>
    public const string Editors = nameof(Editors);
    /// <summary>Users, departments' settings, calendars: Admin.</summary>
    public const string Admin = nameof(Admin);
    /// <summary>Reads the audit log: Supervisor, Admin.</summary>
    public const string Auditors = nameof(Auditors);
    /// <summary>Reviews records and publishes results (公示): Reviewer.</summary>
    public const string Reviewers = nameof(Reviewers);
    /// <summary>Exports published results in the national publicity layout: Reviewer, Supervisor.</summary>
    public const string ResultExporters = nameof(ResultExporters);

    public static void Add(AuthorizationOptions o)
    {
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(Staff, p => p.RequireRole(Roles.All));
        o.AddPolicy(Editors, p => p.RequireRole(Roles.Admin, Roles.Planner));
        o.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(Auditors, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        o.AddPolicy(Reviewers, p => p.RequireRole(Roles.Reviewer));
        o.AddPolicy(ResultExporters, p => p.RequireRole(Roles.Reviewer, Roles.Supervisor));
    }
}
