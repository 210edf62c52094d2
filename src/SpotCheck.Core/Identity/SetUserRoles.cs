using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Identity;

/// <summary>Replaces a user's roles; logged as USER_ROLES_CHANGED with the before and after sets.</summary>
public static class SetUserRoles
{
    public sealed record Command(string UserName, IReadOnlyList<string> Roles, string Actor);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, AuditLog audit)
    {
        public async Task<Result> HandleAsync(Command cmd, CancellationToken ct)
        {
            var unknown = cmd.Roles.FirstOrDefault(r => !Identity.Roles.IsKnown(r));
            if (unknown is not null) return new Error("user.unknown_role", $"未知角色“{unknown}”", "Roles");
            var user = await users.FindByNameAsync(cmd.UserName);
            if (user is null) return IdentityErrors.UserNotFound(cmd.UserName);

            var before = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
            var after = cmd.Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (before.SequenceEqual(after, StringComparer.Ordinal)) return Result.Ok();

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var removed = before.Except(after, StringComparer.Ordinal).ToList();
            var added = after.Except(before, StringComparer.Ordinal).ToList();
            if (removed.Count > 0 && await users.RemoveFromRolesAsync(user, removed) is { Succeeded: false } r)
                return IdentityErrors.ToError(r, "Roles");
            if (added.Count > 0 && await users.AddToRolesAsync(user, added) is { Succeeded: false } a)
                return IdentityErrors.ToError(a, "Roles");
            await audit.AppendAsync(new AuditEvent("USER_ROLES_CHANGED", cmd.Actor, new JsonObject
            {
                ["userId"] = user.Id,
                ["userName"] = user.UserName,
                ["before"] = new JsonArray(before.Select(x => (JsonNode)x).ToArray()),
                ["after"] = new JsonArray(after.Select(x => (JsonNode)x).ToArray()),
            }), ct);
            await tx.CommitAsync(ct);
            return Result.Ok();
        }
    }
}
