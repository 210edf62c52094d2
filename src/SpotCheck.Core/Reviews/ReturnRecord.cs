using System.Text.Json.Nodes;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Reviews;

/// <summary>A reviewer returns a submitted record with a reason; the team edits, confirms and submits again.</summary>
public static class ReturnRecord
{
    public sealed class Handler(AppDbContext db, AuditLog audit)
    {
        public Task<Result> HandleAsync(int taskId, string reason, TaskViewer reviewer, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
                return new Error("review.reason", "退回时必须填写退回原因（不超过1000个字符）", "reason");
            var loaded = await ReviewableTask.LoadAsync(db, taskId, reviewer, ct);
            if (!loaded.IsSuccess) return loaded.Error;
            var (task, record) = loaded.Value;
            var returned = task.Return();
            if (!returned.IsSuccess) return returned;
            record.MarkReturned(reason.Trim(), reviewer.UserName);
            await audit.AppendAsync(new AuditEvent("RECORD_RETURNED", reviewer.UserName, new JsonObject
            {
                ["taskId"] = task.Id, ["reason"] = reason.Trim(),
            }, task.DrawId), ct);
            return Result.Ok();
        }, ct);
    }
}
