using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Reviews;

/// <summary>
/// Closes a follow-up (OPEN → CLOSED, domain.md §3.2) with its closing date and note. A RECTIFY closes only once its
/// re-check task has been approved, so a 责令整改 cannot be closed without the re-check on record.
/// </summary>
public static class CloseFollowUp
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result> HandleAsync(int followUpId, string note, TaskViewer viewer, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            var action = await db.FollowUpActions.SingleOrDefaultAsync(f => f.Id == followUpId, ct);
            if (action is null || !viewer.SeesAll) return new Error("followup.not_found", "后续处置不存在或无权处理", Kind: ErrorKind.NotFound);
            if (action.RecheckTaskId is int recheck
                && await db.InspectionTasks.Where(t => t.Id == recheck).Select(t => t.State).SingleAsync(ct) is not (TaskState.Approved or TaskState.Published))
                return new Error("followup.recheck_open", $"复查任务 #{recheck} 尚未审核通过，责令整改不能完结", Kind: ErrorKind.Conflict);
            var closed = action.Close(ShanghaiDay.Of(clock.GetUtcNow().UtcDateTime), note, viewer.UserName);
            if (!closed.IsSuccess) return closed;
            await audit.AppendAsync(new AuditEvent("FOLLOW_UP_CLOSED", viewer.UserName, new JsonObject
            {
                ["followUpId"] = action.Id, ["taskId"] = action.TaskId, ["code"] = action.Code,
            }), ct);
            return Result.Ok();
        }, ct);
    }
}
