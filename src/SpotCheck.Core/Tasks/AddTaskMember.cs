using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Draw;
using SpotCheck.Draw.Assignment;

namespace SpotCheck.Core.Tasks;

/// <summary>
/// 补充检查人员: a team left below two active members (a withdrawal found no substitute) is completed by the same rule
/// as <see cref="WithdrawMember"/>: draw-spec §5.5 re-run now, for the latest unreplaced withdrawal, with today's
/// officers, loads and conflicts. Never a hand pick. Logged as a SUBSTITUTION entry (kind ADD_MEMBER); when still
/// nobody qualifies, the error says why by rule and count.
/// </summary>
public static class AddTaskMember
{
    public sealed record Outcome(int OfficerId, string Code);

    public sealed class Handler(AppDbContext db, AuditLog audit)
    {
        public Task<Result<Outcome>> HandleAsync(int taskId, TaskViewer viewer, CancellationToken ct = default) => db.RunAsync<Outcome>(async () =>
        {
            var task = await db.InspectionTasks.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !viewer.CanSee(task)) return TaskErrors.NotFound;
            if (!viewer.SeesAll) return new Error("task.forbidden", "只有计划管理员可以补充检查人员", Kind: ErrorKind.Forbidden);
            if (task.State is not (TaskState.Open or TaskState.Returned))
                return new Error("task.closed", $"任务当前状态为“{TaskLabels.Of(task.State)}”，不能补充检查人员", Kind: ErrorKind.Conflict);
            if (!task.IsShortStaffed)
                return new Error("task.staffed", $"检查组已有{task.ActiveMembers.Count()}名在岗人员，无需补充", Kind: ErrorKind.Conflict);
            var replacedIds = task.Members.Where(m => m.ReplacesOfficerId is not null).Select(m => m.ReplacesOfficerId!.Value).ToHashSet();
            var vacancy = task.Members.Where(m => !m.IsActive && !replacedIds.Contains(m.OfficerId))
                .OrderByDescending(m => m.WithdrawnAtUtc).ThenByDescending(m => m.TicketOrder).FirstOrDefault();
            if (vacancy is null) return new Error("task.no_vacancy", "检查组没有待补充的退出人员", Kind: ErrorKind.Conflict);

            var uscc = await db.Enterprises.Where(e => e.Id == task.EnterpriseId).Select(e => e.Uscc).SingleAsync(ct);
            var built = await SubstitutionInput.BuildAsync(db, task, uscc, ct);
            if (built is not { } b) return new Error("task.no_seed", "抽取尚未完成，无法按规则补充人员", Kind: ErrorKind.Conflict);
            var codeOf = b.OfficerIdByCode.ToDictionary(kv => kv.Value, kv => kv.Key);
            var vacated = codeOf[vacancy.OfficerId];
            var team = task.ActiveMembers.Select(m => codeOf[m.OfficerId]).Append(vacated).ToList();
            var replacement = Assigner.Replace(b.Input, b.Target, team, vacated);
            if (replacement is null)
                return new Error("task.no_substitute", NobodyQualifies(b.Input, b.Target, team)
                    + (task.DrawId is null ? "" : "（随机任务按抽取冻结的人员名单补充，冻结后新增的人员不在其中）"), Kind: ErrorKind.Conflict);

            var officerId = b.OfficerIdByCode[replacement.OfficerId];
            var ticket = task.DrawId is null ? null : DrawHash.TicketHex(b.Input.Seed, 'A', b.Target, replacement.OfficerId);
            task.AddSubstitute(officerId, ticket, vacancy.OfficerId);
            await audit.AppendAsync(new AuditEvent("SUBSTITUTION", viewer.UserName, new JsonObject
            {
                ["kind"] = "ADD_MEMBER",
                ["taskId"] = task.Id,
                ["target"] = b.Target,
                ["withdrawn"] = vacated,
                ["substitute"] = replacement.OfficerId,
                ["reason"] = "人员不足，补充检查人员",
                ["rule"] = task.DrawId is null ? "task-seed" : "draw-seed",
            }, task.DrawId), ct);
            return new Outcome(officerId, replacement.OfficerId);
        }, ct);
    }

    /// <summary>Why nobody qualifies, by rule and count (the rules of draw-spec §5.2 in their order, then the team itself).</summary>
    public static string NobodyQualifies(AssignmentInput input, string target, IReadOnlyList<string> team)
    {
        var counts = new int[EligibilityRules.InOrder.Length];
        var (onTeam, otherDept) = (0, 0);
        var conflicts = input.Conflicts.Where(c => c.TargetId == target).Select(c => c.InspectorId).ToHashSet(StringComparer.Ordinal);
        var previous = input.PreviousTeams.GetValueOrDefault(target) ?? [];
        foreach (var o in input.Inspectors)
        {
            if (team.Contains(o.Id, StringComparer.Ordinal)) { onTeam++; continue; }
            EligibilityRule? rule = !o.Active ? EligibilityRule.Inactive
                : o.CertValidTo < input.PlanEndDate ? EligibilityRule.CertExpired
                : !input.Departments.Contains(o.Dept, StringComparer.Ordinal) ? EligibilityRule.DeptMismatch
                : conflicts.Contains(o.Id) ? EligibilityRule.Conflict
                : previous.Contains(o.Id, StringComparer.Ordinal) ? EligibilityRule.RepeatPrevious
                : o.Load >= o.Cap ? EligibilityRule.CapReached
                : null;
            if (rule is { } r) counts[(int)r]++;
            else otherDept++;
        }
        var parts = EligibilityRules.InOrder.Where(r => counts[(int)r] > 0).Select(r => $"{InfeasibilityText.RuleLabel(r)}{counts[(int)r]}人")
            .Append($"已在检查组或刚退出{onTeam}人")
            .Concat(otherDept > 0 ? [$"非退出人员所在部门（须保留该部门席位）{otherDept}人"] : []);
        return $"没有符合条件的补充人员：人员库共{input.Inspectors.Count}人，{string.Join("；", parts)}。处理：补充或调整执法人员（在岗、执法证有效、本部门、无回避、工作量未满）后再补充";
    }
}
