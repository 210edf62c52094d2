using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Officers;
using SpotCheck.Draw;
using SpotCheck.Draw.Assignment;

namespace SpotCheck.Core.Tasks;

/// <summary>
/// A team member declares 回避 (or must withdraw for another reason) after the draw. The conflict is recorded on the
/// officer, the substitute is computed by <see cref="Assigner.Replace"/> (draw-spec §5.5, never a hand pick) and the
/// change is one SUBSTITUTION audit entry. Without any eligible substitute the member still withdraws and the entry
/// says so (substitute null), so a planner can staff the task.
/// </summary>
public static class WithdrawMember
{
    public sealed record Outcome(int? SubstituteOfficerId, string? SubstituteCode);

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        /// <param name="officerId">The withdrawing member; officers may only withdraw themselves.</param>
        public Task<Result<Outcome>> HandleAsync(int taskId, int officerId, string reason, bool isConflict, TaskViewer viewer, CancellationToken ct = default) => db.RunAsync<Outcome>(async () =>
        {
            var task = await db.InspectionTasks.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !viewer.CanSee(task)) return TaskErrors.NotFound;
            if (!viewer.SeesAll && viewer.OfficerId != officerId) return TaskErrors.NotMember;
            if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
                return new Error("task.reason", "请填写回避或退出的原因（不超过500个字符）", "reason");
            if (!task.HasActiveMember(officerId)) return new Error("task.not_member", "该人员不是本任务的在岗检查人员", "officerId", ErrorKind.NotFound);
            var officer = await db.Officers.Include(o => o.Conflicts).SingleAsync(o => o.Id == officerId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            // Saved with the SUBSTITUTION entry below. Replace never picks the withdrawn officer, so the new pair need not be
            // in the substitution input for the result to be right.
            if (isConflict && !officer.HasConflictWith(task.EnterpriseId))
                officer.DeclareConflict(task.EnterpriseId, ConflictKind.DeclaredInterest, reason.Trim(), now);
            var uscc = await db.Enterprises.Where(e => e.Id == task.EnterpriseId).Select(e => e.Uscc).SingleAsync(ct);
            var built = await SubstitutionInput.BuildAsync(db, task, uscc, ct);
            Replacement? replacement = null;
            if (built is { } b)
            {
                var team = task.ActiveMembers.Select(m => officer.Id == m.OfficerId ? officer.Code : CodeOf(b.OfficerIdByCode, m.OfficerId)).ToList();
                if (team.All(c => c is not null) && b.Input.Inspectors.Any(i => i.Id == officer.Code))
                    replacement = Assigner.Replace(b.Input, b.Target, team!, officer.Code);
            }
            int? substituteId = replacement is null ? null : built!.Value.OfficerIdByCode[replacement.OfficerId];
            var ticket = replacement is null || task.DrawId is null ? null : DrawHash.TicketHex(built!.Value.Input.Seed, 'A', built.Value.Target, replacement.OfficerId);
            var withdrawn = task.Withdraw(officerId, reason, substituteId, ticket, now);
            if (!withdrawn.IsSuccess) return withdrawn.Error!;
            task.Touch();
            await audit.AppendAsync(new AuditEvent("SUBSTITUTION", viewer.UserName, new JsonObject
            {
                ["taskId"] = task.Id,
                ["target"] = built?.Target ?? uscc,
                ["withdrawn"] = officer.Code,
                ["substitute"] = replacement?.OfficerId,
                ["reason"] = reason.Trim(),
                ["conflict"] = isConflict,
                ["rule"] = task.DrawId is null ? "task-seed" : "draw-seed",
            }, task.DrawId), ct);
            return new Outcome(substituteId, replacement?.OfficerId);
        }, ct);

        static string? CodeOf(Dictionary<string, int> byCode, int id) => byCode.FirstOrDefault(kv => kv.Value == id).Key;
    }
}
