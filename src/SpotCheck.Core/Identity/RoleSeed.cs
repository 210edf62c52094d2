using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Identity;

/// <summary>The five fixed roles; created on first start (and by the first `users add`), logged once.</summary>
public static class RoleSeed
{
    public static async Task EnsureRolesAsync(AppDbContext db, RoleManager<IdentityRole> roles, AuditLog audit, string actor, CancellationToken ct)
    {
        var created = new JsonArray();
        foreach (var name in Roles.All)
        {
            if (await roles.RoleExistsAsync(name)) continue;
            var role = new IdentityRole(name);
            var problem = "";
            try
            {
                var result = await roles.CreateAsync(role);
                if (result.Succeeded)
                {
                    created.Add(name);
                    continue;
                }
                problem = string.Join("; ", result.Errors.Select(e => e.Description));
            }
            catch (DbUpdateException x)
            {
                // Another process (a second `users add`, a starting host) created it first: the unique index kept one row.
                db.Entry(role).State = EntityState.Detached;
                problem = x.GetBaseException().Message;
            }
            if (!await roles.RoleExistsAsync(name)) throw new InvalidOperationException($"Could not create role {name}: {problem}");
        }
        if (created.Count > 0)
            await audit.AppendAsync(new AuditEvent("ROLES_CREATED", actor, new JsonObject { ["roles"] = created }), ct);
    }
}
