using Microsoft.AspNetCore.Identity;

namespace SpotCheck.Core.Identity;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? DepartmentId { get; set; }
    public int? OfficerId { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Planner = "Planner";
    public const string Officer = "Officer";
    public const string Reviewer = "Reviewer";
    public const string Supervisor = "Supervisor";

    public static readonly IReadOnlyList<string> All = [Admin, Planner, Officer, Reviewer, Supervisor];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static string Label(string role) => role switch
    {
        Admin => "系统管理员",
        Planner => "计划管理员",
        Officer => "执法检查人员",
        Reviewer => "审核人员",
        Supervisor => "监督人员",
        _ => role,
    };
}
