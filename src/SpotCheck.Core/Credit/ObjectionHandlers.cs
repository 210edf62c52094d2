using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Credit;

/// <summary>Records an enterprise's 异议 against an approved result (staff enters it as received).</summary>
public static class RecordObjection
{
    public sealed class Command
    {
        public DateOnly? ReceivedOn { get; set; }
        public string SubmittedBy { get; set; } = "";
        public string Content { get; set; } = "";
    }

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<int>> HandleAsync(int taskId, Command c, TaskViewer viewer, CancellationToken ct = default) => db.RunAsync<int>(async () =>
        {
            var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !viewer.CanSee(task)) return new Error("task.not_found", "检查任务不存在或无权查看", Kind: ErrorKind.NotFound);
            if (!TaskStates.IsReviewed(task.State)) return new Error("objection.not_approved", "只能对已审核的检查结果提出异议", Kind: ErrorKind.Conflict);
            var now = clock.GetUtcNow().UtcDateTime;
            if (c.ReceivedOn is not DateOnly on || on > ShanghaiDay.Of(now)) return new Error("objection.date", "请填写收到异议的日期（不能晚于今天）", nameof(c.ReceivedOn));
            if (string.IsNullOrWhiteSpace(c.SubmittedBy) || c.SubmittedBy.Length > 100) return new Error("objection.by", "请填写异议提出人（不超过100个字符）", nameof(c.SubmittedBy));
            if (string.IsNullOrWhiteSpace(c.Content) || c.Content.Length > 2000) return new Error("objection.content", "请填写异议内容（不超过2000个字符）", nameof(c.Content));
            var objection = new Objection(taskId, task.EnterpriseId, on, c.SubmittedBy.Trim(), c.Content.Trim(), viewer.UserName, now);
            db.Objections.Add(objection);
            await audit.AppendAsync(new AuditEvent("OBJECTION_RECORDED", viewer.UserName, new JsonObject
            {
                ["taskId"] = taskId, ["receivedOn"] = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }), ct);
            return objection.Id;
        }, ct);
    }
}

/// <summary>
/// Resolves an objection once; the outcome is kept beside the unchanged original record. An upheld objection corrects
/// the task's 诚信档案 entries: they stay as written but are shown as withdrawn, and the risk class they raised is put
/// back when nothing else has changed it since (a CREDIT_CORRECTED entry either way).
/// </summary>
public static class ResolveObjection
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result> HandleAsync(int objectionId, ObjectionOutcome outcome, string note, TaskViewer viewer, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            var objection = await db.Objections.SingleOrDefaultAsync(o => o.Id == objectionId, ct);
            if (objection is null || !viewer.SeesAll) return new Error("objection.not_found", "异议不存在或无权处理", Kind: ErrorKind.NotFound);
            var now = clock.GetUtcNow().UtcDateTime;
            var resolved = objection.Resolve(outcome, note, viewer.UserName, now);
            if (!resolved.IsSuccess) return resolved;
            var credits = outcome == ObjectionOutcome.Upheld
                ? await db.CreditRecords.AsNoTracking().Where(c => c.TaskId == objection.TaskId).OrderBy(c => c.Id).ToListAsync(ct)
                : [];
            var restored = new List<bool>();
            foreach (var credit in credits)
            {
                var enterprise = await db.Enterprises.Include(e => e.Tags).SingleAsync(e => e.Id == credit.EnterpriseId, ct);
                var restore = enterprise.RiskClass == credit.RiskAfter && credit.RiskAfter != credit.RiskBefore;
                if (restore) enterprise.ChangeRiskClass(credit.RiskBefore, viewer.UserName, "OBJECTION_UPHELD", now);
                restored.Add(restore);
            }
            await audit.AppendAsync(new AuditEvent("OBJECTION_RESOLVED", viewer.UserName, new JsonObject
            {
                ["objectionId"] = objection.Id, ["taskId"] = objection.TaskId, ["outcome"] = outcome.ToString(),
            }), ct);
            foreach (var (credit, wasRestored) in credits.Zip(restored))
                await audit.AppendAsync(new AuditEvent("CREDIT_CORRECTED", viewer.UserName, new JsonObject
                {
                    ["creditRecordId"] = credit.Id, ["taskId"] = credit.TaskId, ["enterpriseId"] = credit.EnterpriseId,
                    ["objectionId"] = objection.Id, ["riskRestoredTo"] = wasRestored ? credit.RiskBefore.ToString() : null,
                }), ct);
            return Result.Ok();
        }, ct);
    }
}
