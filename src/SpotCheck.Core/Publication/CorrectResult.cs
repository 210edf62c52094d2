using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Publication;

/// <summary>
/// 更正 of a published result (《企业信息公示暂行条例》art. 12: wrong public information corrected on evidence, or an
/// upheld 异议): a new version with its reason and date; the earlier versions stay, unchanged and visible as history.
/// The public fields are gathered afresh (a corrected enterprise name is picked up) and the result and follow-up are
/// the ones given here.
/// </summary>
public static class CorrectResult
{
    public sealed class Command
    {
        public List<string> Results { get; set; } = [];
        public List<string> FollowUps { get; set; } = [];
        public string Reason { get; set; } = "";
    }

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<int>> HandleAsync(int taskId, Command c, TaskViewer reviewer, CancellationToken ct = default) => db.RunAsync<int>(async () =>
        {
            var reason = c.Reason?.Trim() ?? "";
            if (reason.Length is 0 or > 1000) return new Error("correction.reason", "请填写更正理由及依据（不超过1000个字符）", nameof(c.Reason));
            var results = Codes(c.Results);
            if (results.Count == 0 || results.Any(r => !RecordCodes.Results.ContainsKey(r)))
                return new Error("correction.results", "请选择有效的检查结果", nameof(c.Results));
            var followUps = Codes(c.FollowUps);
            if (followUps.Count == 0 || followUps.Any(f => !RecordCodes.FollowUps.ContainsKey(f)))
                return new Error("correction.follow_ups", "请选择有效的后续处置", nameof(c.FollowUps));
            var task = await db.InspectionTasks.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !reviewer.CanSee(task)) return new Error("task.not_found", "检查任务不存在或无权查看", Kind: ErrorKind.NotFound);
            var current = await db.PublishedResults.Where(r => r.TaskId == taskId).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
            if (current is null) return new Error("correction.not_published", "该检查结果尚未公示，无需更正", Kind: ErrorKind.Conflict);
            if (await audit.EnsureChainIntactAsync(ct) is { IsSuccess: false } chain) return chain.Error!;
            var gathered = (await PublicContent.GatherAsync(db, [task], ct))[taskId] with
            {
                ResultCodes = results, ResultText = RecordCodes.Labels(results, RecordCodes.Results),
                FollowUpCodes = followUps, FollowUpText = RecordCodes.Labels(followUps, RecordCodes.FollowUps),
            };
            var now = clock.GetUtcNow().UtcDateTime;
            var next = current.Correct(gathered, ShanghaiDay.Of(now), now, reviewer.UserName, reason);
            if (PublicContent.Fields(next) == PublicContent.Fields(current))
                return new Error("correction.unchanged", "更正内容与当前公示内容相同", Kind: ErrorKind.Conflict);
            db.PublishedResults.Add(next);
            task.Touch();
            await audit.AppendAsync(new AuditEvent("RESULT_CORRECTED", reviewer.UserName, new JsonObject
            {
                ["taskId"] = taskId, ["version"] = next.Version, ["reason"] = reason, ["contentHash"] = PublicContent.Hash([next]),
            }, task.DrawId), ct);
            return next.Version;
        }, ct);
    }

    static List<string> Codes(IEnumerable<string>? codes) =>
        (codes ?? []).SelectMany(s => s.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
