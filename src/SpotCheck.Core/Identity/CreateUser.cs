using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Identity;

/// <summary>
/// Creates a user with one role, optionally linked to an officer of the directory (an Officer sees the tasks of the
/// officer it is linked to); the user row, role link and USER_CREATED entry commit together.
/// </summary>
public static class CreateUser
{
    public sealed record Command(string UserName, string Role, string Password, string Actor, string? DisplayName = null,
        string? OfficerCode = null, IReadOnlyList<string>? DepartmentCodes = null);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, AuditLog audit)
    {
        public async Task<Result<AppUser>> HandleAsync(Command cmd, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(cmd.UserName))
                return new Error("user.name_required", "用户名不能为空", "UserName");
            if (cmd.UserName.Length > IdentitySetup.MaxUserNameLength)
                return new Error("user.name_too_long",
                    $"用户名最多 {IdentitySetup.MaxUserNameLength} 个字符（收到 {cmd.UserName.Length} 个）", "UserName");
            if (cmd.DisplayName?.Length > IdentitySetup.MaxUserNameLength)
                return new Error("user.display_name_too_long", $"姓名最多 {IdentitySetup.MaxUserNameLength} 个字符", "DisplayName");
            if (!Roles.IsKnown(cmd.Role))
                return new Error("user.unknown_role", $"未知角色“{cmd.Role}”，可选：{string.Join("、", Roles.All)}", "Role");
            if (await users.FindByNameAsync(cmd.UserName) is not null)
                return new Error("user.exists", $"用户名“{cmd.UserName}”已存在", "UserName", ErrorKind.Conflict);

            var officerCode = cmd.OfficerCode?.Trim() is { Length: > 0 } code ? code : null;
            var officer = officerCode is null ? null
                : await db.Officers.Where(o => o.Code == officerCode).Select(o => new { o.Id, o.DepartmentId, o.Name }).SingleOrDefaultAsync(ct);
            if (officerCode is not null && officer is null)
                return new Error("user.unknown_officer", $"执法检查人员名录库中没有编号为“{officerCode}”的人员", "OfficerCode");

            var departmentCodes = (cmd.DepartmentCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var departments = await db.Departments.Where(d => departmentCodes.Contains(d.Code)).Select(d => new { d.Id, d.Code }).ToListAsync(ct);
            if (departmentCodes.FirstOrDefault(c => departments.All(d => d.Code != c)) is { } unknown)
                return new Error("user.unknown_department", $"部门“{unknown}”不存在", "DepartmentCodes");

            await RoleSeed.EnsureRolesAsync(db, roles, audit, cmd.Actor, ct);
            var user = new AppUser
            {
                UserName = cmd.UserName,
                DisplayName = cmd.DisplayName?.Trim() is { Length: > 0 } d ? d : officer?.Name ?? cmd.UserName,
                OfficerId = officer?.Id,
                DepartmentId = officer?.DepartmentId,
            };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, cmd.Password);
            if (!created.Succeeded) return IdentityErrors.ToError(created, "Password");
            var inRole = await users.AddToRoleAsync(user, cmd.Role);
            if (!inRole.Succeeded) return IdentityErrors.ToError(inRole, "Role");
            db.UserDepartments.AddRange(departments.Select(d => new Scopes.UserDepartment(user.Id, d.Id)));
            await audit.AppendAsync(new AuditEvent("USER_CREATED", cmd.Actor, new JsonObject
            {
                ["userId"] = user.Id,
                ["userName"] = user.UserName,
                ["roles"] = new JsonArray(cmd.Role),
                ["officerCode"] = officerCode,
                ["departments"] = new JsonArray([.. departmentCodes.Order(StringComparer.Ordinal).Select(c => (JsonNode)c)]),
            }), ct);
            await tx.CommitAsync(ct);
            return user;
        }
    }
}
