using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Identity;

/// <summary>
/// Checks a login name and password. Unknown name, locked account and wrong password give the same error and cost
/// the same password hash, so neither the answer nor its timing tells which accounts exist. Each failure is a
/// LOGIN_FAILED entry, the failure that locks the account an ACCOUNT_LOCKED entry (never the password; the
/// attempted name only when it is an account, since a password typed into the name field must not be kept).
/// Lockout is the password sign-in's alone: API tokens keep working until revoked.
/// </summary>
public static class PasswordSignIn
{
    public static readonly Error Failed = new("login.failed",
        $"用户名或密码不正确。连续 {IdentitySetup.MaxFailedAccessAttempts} 次失败后账户将被锁定 15 分钟，如需帮助请联系系统管理员。",
        Kind: ErrorKind.Validation);

    public sealed record Command(string UserName, string Password, string? Client);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, AuditLog audit)
    {
        /// <summary>A hash of a random password in the current format: verifying against it costs what a real check costs.</summary>
        static readonly string DecoyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N"));

        public async Task<Result<AppUser>> HandleAsync(Command cmd, CancellationToken ct)
        {
            var name = cmd.UserName.Trim();
            var user = name.Length is > 0 and <= IdentitySetup.MaxUserNameLength ? await users.FindByNameAsync(name) : null;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (user is null)
            {
                users.PasswordHasher.VerifyHashedPassword(new AppUser(), DecoyHash, cmd.Password);
                await AuditAsync("LOGIN_FAILED", null, "unknown_user", cmd.Client, ct);
            }
            else if (await users.IsLockedOutAsync(user))
            {
                users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? DecoyHash, cmd.Password);
                await AuditAsync("LOGIN_FAILED", user.UserName, "locked_out", cmd.Client, ct);
            }
            else if (await users.CheckPasswordAsync(user, cmd.Password))
            {
                if (await users.GetAccessFailedCountAsync(user) > 0) await users.ResetAccessFailedCountAsync(user);
                await tx.CommitAsync(ct);
                return user;
            }
            else
            {
                await users.AccessFailedAsync(user);
                var locked = await users.IsLockedOutAsync(user);
                await AuditAsync(locked ? "ACCOUNT_LOCKED" : "LOGIN_FAILED", user.UserName, "wrong_password", cmd.Client, ct);
            }
            await tx.CommitAsync(ct);
            return Failed;
        }

        Task AuditAsync(string type, string? userName, string reason, string? client, CancellationToken ct) =>
            audit.AppendAsync(new AuditEvent(type, "anonymous", new JsonObject
            {
                ["userName"] = userName,
                ["reason"] = reason,
                ["client"] = client,
            }), ct);
    }
}
