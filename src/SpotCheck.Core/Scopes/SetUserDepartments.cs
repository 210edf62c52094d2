using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;

namespace SpotCheck.Core.Scopes;

/// <summary>Replaces the departments a user acts for; logged as USER_DEPARTMENTS_CHANGED with the before and after sets.</summary>
public static class SetUserDepartments
{
    public sealed record Command(string UserName, IReadOnlyList<string> DepartmentCodes, string Actor);

    public sealed class Handler(AppDbContext db, AuditLog audit)
    {
        public Task<Result> HandleAsync(Command cmd, CancellationToken ct) => db.RunAsync(async () =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == cmd.UserName, ct);
            if (user is null) return IdentityErrors.UserNotFound(cmd.UserName);
            var after = cmd.DepartmentCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal).ToList();
            var departments = await db.Departments.Where(d => after.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.Ordinal, ct);
            if (after.FirstOrDefault(c => !departments.ContainsKey(c)) is { } unknown)
                return new Error("user.unknown_department", $"部门“{unknown}”不存在", "DepartmentCodes");
            var current = await db.UserDepartments.Where(m => m.UserId == user.Id).ToListAsync(ct);
            var codeOf = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, ct);
            var before = current.Select(m => codeOf[m.DepartmentId]).Order(StringComparer.Ordinal).ToList();
            if (before.SequenceEqual(after, StringComparer.Ordinal)) return Result.Ok();
            db.UserDepartments.RemoveRange(current.Where(m => !after.Contains(codeOf[m.DepartmentId])));
            db.UserDepartments.AddRange(after.Except(before, StringComparer.Ordinal).Select(c => new UserDepartment(user.Id, departments[c])));
            await audit.AppendAsync(new AuditEvent("USER_DEPARTMENTS_CHANGED", cmd.Actor, new JsonObject
            {
                ["userId"] = user.Id,
                ["userName"] = user.UserName,
                ["before"] = new JsonArray([.. before.Select(x => (JsonNode)x)]),
                ["after"] = new JsonArray([.. after.Select(x => (JsonNode)x)]),
            }), ct);
            return Result.Ok();
        }, ct);
    }
}
