using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Identity;

/// <summary>Creates a user with one role; the user row, role link and USER_CREATED entry commit together.</summary>
public static class CreateUser
{
    public sealed record Command(string UserName, string Role, string Password, string Actor, string? DisplayName = null);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, AuditLog audit)
    {
        public async Task<Result<AppUser>> HandleAsync(Command cmd, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(cmd.UserName))
                return new Error("user.name_required", "用户名不能为空", "UserName");
            if (!Roles.IsKnown(cmd.Role))
                return new Error("user.unknown_role", $"未知角色“{cmd.Role}”，可选：{string.Join("、", Roles.All)}", "Role");
            if (await users.FindByNameAsync(cmd.UserName) is not null)
                return new Error("user.exists", $"用户名“{cmd.UserName}”已存在", "UserName", ErrorKind.Conflict);

            await RoleSeed.EnsureRolesAsync(roles, audit, cmd.Actor, ct);
            var user = new AppUser { UserName = cmd.UserName, DisplayName = cmd.DisplayName?.Trim() is { Length: > 0 } d ? d : cmd.UserName };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, cmd.Password);
            if (!created.Succeeded) return IdentityErrors.ToError(created, "Password");
            var inRole = await users.AddToRoleAsync(user, cmd.Role);
            if (!inRole.Succeeded) return IdentityErrors.ToError(inRole, "Role");
            await audit.AppendAsync(new AuditEvent("USER_CREATED", cmd.Actor, new JsonObject
            {
                ["userId"] = user.Id,
                ["userName"] = user.UserName,
                ["roles"] = new JsonArray(cmd.Role),
            }), ct);
            await tx.CommitAsync(ct);
            return user;
        }
    }
}
