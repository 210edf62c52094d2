using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Scopes;

namespace SpotCheck.Core.Officers;

/// <summary>
/// A planner or administrator withdraws a 回避 declaration that no longer applies. The row stays (who, when, why);
/// from then on freezes and substitutions ignore it. Draws frozen earlier keep their snapshot unchanged.
/// </summary>
public static class WithdrawConflict
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result> HandleAsync(int officerId, int conflictId, string reason, string actor, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            var officer = await db.Officers.InScope(db.Scope).Include(o => o.Conflicts).SingleOrDefaultAsync(o => o.Id == officerId, ct);
            var conflict = officer?.Conflicts.FirstOrDefault(c => c.Id == conflictId);
            if (officer is null || conflict is null) return new Error("officer.conflict_not_found", "回避事由不存在", Kind: ErrorKind.NotFound);
            if (!conflict.IsActive) return new Error("officer.conflict_withdrawn", "该回避事由已撤回", Kind: ErrorKind.Conflict);
            if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
                return new Error("officer.withdraw_reason", "请填写撤回原因（不超过500个字符）", "reason");
            var uscc = await db.Enterprises.Where(e => e.Id == conflict.EnterpriseId).Select(e => e.Uscc).SingleAsync(ct);
            conflict.Withdraw(reason.Trim(), actor, clock.GetUtcNow().UtcDateTime);
            await audit.AppendAsync(new AuditEvent("OFFICER_CONFLICT_WITHDRAWN", actor, new JsonObject
            {
                ["officer"] = officer.Code,
                ["uscc"] = uscc,
                ["kind"] = conflict.Kind.ToString(),
                ["reason"] = reason.Trim(),
            }), ct);
            return Result.Ok();
        }, ct);
    }
}
