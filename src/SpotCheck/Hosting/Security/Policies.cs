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
    /// <summary>Issues (numbers) notices: everyone but the Supervisor, who only reads; officers only for their own tasks.</summary>
    public const string NoticeIssuers = nameof(NoticeIssuers);

    public static void Add(AuthorizationOptions o)
    {
        o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(Staff, p => p.RequireRole(Roles.All));
        o.AddPolicy(Editors, p => p.RequireRole(Roles.Admin, Roles.Planner));
        o.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(Auditors, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        o.AddPolicy(NoticeIssuers, p => p.RequireRole(Roles.Admin, Roles.Planner, Roles.Reviewer, Roles.Officer));
    }
}
