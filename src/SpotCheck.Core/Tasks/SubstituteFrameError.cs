using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Draw.Assignment;

namespace SpotCheck.Core.Tasks;

/// <summary>
/// draw-spec §4.2: a selected target turns out to be invalid for a frame reason. The task ends as
/// <see cref="TaskState.Replaced"/>, the substitute is the lowest unused rank of the replaced target's stratum (from the
/// draw's frozen frame and seed; "used" = the selection and every earlier substitute), and its task is staffed by the
/// DRAW-v1 assignment rule with current loads. One SUBSTITUTION entry (kind FRAME_ERROR) under the draw; the draw record
/// replays it (<see cref="DrawSubstitutions"/>). Never a new seed, never a hand pick.
/// </summary>
public static class SubstituteFrameError
{
    /// <summary>The frame reasons; a legitimate inspection result (停业, 无法联系 …) is recorded in the record instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DEREGISTERED"] = "抽取基准日前已注销",
        ["REVOKED"] = "抽取基准日前已被吊销",
        ["CANCELLED"] = "抽取基准日前已被撤销",
        ["MOVED_OUT"] = "抽取基准日前已迁出",
        ["NOT_FOUND"] = "查无此企业",
    };

    public sealed class Command
    {
        public string Kind { get; set; } = "";
        /// <summary>When the 注销/吊销/撤销/迁出 took effect; must be before the draw's asOf. Not used for NOT_FOUND.</summary>
        public DateOnly? EffectiveOn { get; set; }
        public string? Note { get; set; }
    }

    public sealed record Outcome(int NewTaskId, string Replaced, string Substitute, string Stratum, int StratumRank, string Ticket);

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<Outcome>> HandleAsync(int taskId, Command c, TaskViewer viewer, CancellationToken ct = default) => db.RunAsync<Outcome>(async () =>
        {
            var task = await db.InspectionTasks.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !viewer.CanSee(task)) return TaskErrors.NotFound;
            if (!viewer.SeesAll) return new Error("task.forbidden", "只有计划管理员可以按名录错误替换检查对象", Kind: ErrorKind.Forbidden);
            if (task.DrawId is null || task.PlanId is null)
                return new Error("task.not_drawn", "只有随机抽取产生的任务可以按名录错误替换检查对象", Kind: ErrorKind.Conflict);
            if (task.State is not (TaskState.Open or TaskState.Returned))
                return new Error("task.not_replaceable", $"任务当前状态为“{TaskLabels.Of(task.State)}”，已提交或已审核的任务不能按名录错误替换", Kind: ErrorKind.Conflict);
            var draw = await db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == task.DrawId, ct);
            var reason = Reason(c, draw.AsOf);
            if (!reason.IsSuccess) return reason.Error!;

            var builder = DrawRecords.Replay(draw);
            builder.ComputeSeed();
            builder.Select();
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.DrawId == draw.DrawId && e.Type == DrawSubstitutions.AuditType).ToListAsync(ct);
            DrawSubstitutions.Replay(builder, entries);
            var replaced = await SelectedRootAsync(task, ct);
            var row = builder.Selection.Selected.FirstOrDefault(s => s.Id == replaced);
            if (row is null) return new Error("task.not_selected", "该任务的检查对象不在本次抽取的抽中名单中，无法按名录错误替换", Kind: ErrorKind.Conflict);
            var next = builder.Substitute(replaced, reason.Value);
            if (next is null)
                return new Error("task.stratum_exhausted",
                    $"“{row.Stratum}”层已没有未使用的序位（该层对象均已抽中或已作为替补），无法按名录错误替换；请在下一批次抽取中处理", Kind: ErrorKind.Conflict);

            var substitute = await db.Enterprises.AsNoTracking().Where(e => e.Uscc == next.Id).Select(e => new { e.Id, e.Uscc }).SingleAsync(ct);
            var input = (await SubstitutionInput.ForDrawTargetAsync(db, draw.DrawId, substitute.Id, substitute.Uscc, task.Id, ct))!;
            var assignment = Assigner.Assign(input);
            if (assignment.Infeasible.Count > 0)
            {
                var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, StringComparer.Ordinal, ct);
                return new Error("task.substitute_unstaffed",
                    $"替补对象无法配员，未作替换。{InfeasibilityText.Describe(assignment.Infeasible[0], names)}", Kind: ErrorKind.Conflict);
            }
            var team = assignment.Assigned[0];
            var idByCode = await db.Officers.AsNoTracking().Where(o => team.Team.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, StringComparer.Ordinal, ct);
            var members = team.Team.Zip(team.Tickets, (code, key) => (idByCode[code], key.ToHex())).ToList();

            var now = clock.GetUtcNow().UtcDateTime;
            var marked = task.MarkReplaced(reason.Value, now);
            if (!marked.IsSuccess) return marked.Error!;
            var newTask = InspectionTask.ForSubstitute(task, substitute.Id, members, viewer.UserName, now);
            db.InspectionTasks.Add(newTask);
            var selected = new DrawSelection(draw.DrawId, draw.PlanId, substitute.Id, substitute.Uscc, row.Rank, row.Stratum, draw.AsOf,
                team.Team, isSupplement: false);
            db.DrawSelections.Add(selected);
            await LatestTeams.TrackAsync(db, selected, ct);
            var ticket = next.Key.ToHex();
            await audit.AppendAsync(new AuditEvent(DrawSubstitutions.AuditType, viewer.UserName, new JsonObject
            {
                ["kind"] = DrawSubstitutions.FrameErrorKind,
                ["taskId"] = task.Id,
                ["replaced"] = replaced,
                ["substitute"] = next.Id,
                ["stratum"] = row.Stratum,
                ["stratumRank"] = next.Rank,
                ["ticket"] = ticket,
                ["reason"] = reason.Value,
                ["team"] = new JsonArray([.. team.Team.Select(x => (JsonNode)x)]),
            }, draw.DrawId), ct);
            return new Outcome(newTask.Id, replaced, next.Id, row.Stratum, next.Rank, ticket);
        }, ct);

        /// <summary>A substitute task that is itself a frame error replaces the same selected target once more.</summary>
        async Task<string> SelectedRootAsync(InspectionTask task, CancellationToken ct)
        {
            var enterpriseId = task.EnterpriseId;
            for (var replaces = task.ReplacesTaskId; replaces is int id;)
            {
                var earlier = await db.InspectionTasks.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.EnterpriseId, t.ReplacesTaskId }).SingleAsync(ct);
                (enterpriseId, replaces) = (earlier.EnterpriseId, earlier.ReplacesTaskId);
            }
            return await db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => e.Uscc).SingleAsync(ct);
        }
    }

    static Result<string> Reason(Command c, DateOnly asOf)
    {
        if (!Kinds.TryGetValue(c.Kind ?? "", out var label))
            return new Error("task.frame_kind", "请选择名录错误类型：注销、吊销、撤销、迁出（均须早于抽取基准日）或查无此企业；停业等属于检查结果，应填入检查记录", nameof(c.Kind));
        var note = c.Note?.Trim() ?? "";
        if (note.Length > 300) return new Error("task.frame_note", "说明不能超过300个字符", nameof(c.Note));
        if (c.Kind == "NOT_FOUND")
        {
            if (note.Length == 0) return new Error("task.frame_note", "查无此企业时请说明核查情况（如登记机关查询结果）", nameof(c.Note));
            return $"{c.Kind} {label}：{note}";
        }
        if (c.EffectiveOn is not DateOnly on) return new Error("task.frame_date", "请填写注销、吊销、撤销或迁出的生效日期", nameof(c.EffectiveOn));
        if (on >= asOf)
            return new Error("task.frame_date",
                $"生效日期 {Day(on)} 不早于抽取基准日 {Day(asOf)}：抽取时该对象仍属有效名录，不是名录错误，应作为检查结果填入检查记录", nameof(c.EffectiveOn));
        return $"{c.Kind} {label}（{Day(on)}）" + (note.Length > 0 ? "：" + note : "");
    }

    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
