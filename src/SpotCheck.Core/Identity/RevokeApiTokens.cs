using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Identity;

/// <summary>Revokes every live bearer token of a user; returns how many were revoked.</summary>
public static class RevokeApiTokens
{
    public sealed record Command(string UserName, string Actor);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result<int>> HandleAsync(Command cmd, CancellationToken ct)
        {
            var user = await users.FindByNameAsync(cmd.UserName);
            if (user is null) return IdentityErrors.UserNotFound(cmd.UserName);
            var live = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAtUtc == null).OrderBy(t => t.Id).ToListAsync(ct);
            if (live.Count == 0) return 0;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var t in live) t.RevokedAtUtc = now;
            await audit.AppendAsync(new AuditEvent("API_TOKENS_REVOKED", cmd.Actor, new JsonObject
            {
                ["userId"] = user.Id,
                ["userName"] = user.UserName,
                ["tokenSha256"] = new JsonArray(live.Select(t => (JsonNode)t.TokenHash).ToArray()),
            }), ct);
            return live.Count;
        }
    }
}
