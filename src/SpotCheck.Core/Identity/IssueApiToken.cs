using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Identity;

/// <summary>Issues a new bearer token; the caller shows the returned plain token once, only its hash is kept.</summary>
public static class IssueApiToken
{
    public sealed record Command(string UserName, string Actor);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result<string>> HandleAsync(Command cmd, CancellationToken ct)
        {
            var user = await users.FindByNameAsync(cmd.UserName);
            if (user is null) return IdentityErrors.UserNotFound(cmd.UserName);
            var token = ApiTokenSecret.NewToken();
            var hash = ApiTokenSecret.Hash(token);
            db.ApiTokens.Add(new ApiToken { UserId = user.Id, TokenHash = hash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
            await audit.AppendAsync(new AuditEvent("API_TOKEN_ISSUED", cmd.Actor, new JsonObject
            {
                ["userId"] = user.Id,
                ["userName"] = user.UserName,
                ["tokenSha256"] = hash,
            }), ct);
            return token;
        }
    }
}
