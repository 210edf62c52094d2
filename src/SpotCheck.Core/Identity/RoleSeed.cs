using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using SpotCheck.Core.Audit;

namespace SpotCheck.Core.Identity;

/// <summary>The five fixed roles; created on first start (and by the first `users add`), logged once.</summary>
public static class RoleSeed
{
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles, AuditLog audit, string actor, CancellationToken ct)
    {
        var created = new JsonArray();
        foreach (var name in Roles.All)
        {
            if (await roles.RoleExistsAsync(name)) continue;
            var result = await roles.CreateAsync(new IdentityRole(name));
            // Another instance starting at the same time may have won the race; the unique index keeps one row.
            if (result.Succeeded) created.Add(name);
            else if (!await roles.RoleExistsAsync(name))
                throw new InvalidOperationException($"Could not create role {name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        if (created.Count > 0)
            await audit.AppendAsync(new AuditEvent("ROLES_CREATED", actor, new JsonObject { ["roles"] = created }), ct);
    }
}
