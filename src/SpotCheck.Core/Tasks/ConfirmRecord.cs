using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Tasks;

/// <summary>An active team member confirms (签名) the current record as the logged-in officer.</summary>
public static class ConfirmRecord
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result> HandleAsync(int taskId, TaskViewer viewer, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            var loaded = await EditableTask.LoadAsync(db, taskId, viewer, ct);
            if (!loaded.IsSuccess) return loaded.Error!;
            var task = loaded.Value;
            if (!await db.InspectionRecords.AnyAsync(r => r.TaskId == taskId, ct))
                return new Error("record.missing", "请先填写并保存检查记录再确认", Kind: ErrorKind.Conflict);
            var member = task.ActiveMembers.Single(m => m.OfficerId == viewer.OfficerId);
            if (member.ConfirmedAtUtc is not null) return Result.Ok();
            member.Confirm(clock.GetUtcNow().UtcDateTime);
            task.Touch();
            await audit.AppendAsync(new AuditEvent("RECORD_CONFIRMED", viewer.UserName, new JsonObject
            {
                ["taskId"] = task.Id, ["officerId"] = member.OfficerId,
            }), ct);
            return Result.Ok();
        }, ct);
    }
}
