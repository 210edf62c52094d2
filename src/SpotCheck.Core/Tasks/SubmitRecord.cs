using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Tasks;

/// <summary>Submits the record for review once every active team member has confirmed it.</summary>
public static class SubmitRecord
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result> HandleAsync(int taskId, TaskViewer viewer, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            var loaded = await EditableTask.LoadAsync(db, taskId, viewer, ct);
            if (!loaded.IsSuccess) return loaded.Error!;
            var task = loaded.Value;
            if (task.IsShortStaffed) return TaskErrors.ShortStaffed(task);
            var record = await db.InspectionRecords.SingleOrDefaultAsync(r => r.TaskId == taskId, ct);
            if (record is null) return new Error("record.missing", "请先填写并保存检查记录", Kind: ErrorKind.Conflict);
            var pending = task.UnconfirmedOfficerIds;
            if (pending.Count > 0)
            {
                var names = await db.Officers.Where(o => pending.Contains(o.Id)).OrderBy(o => o.Code).Select(o => o.Name).ToListAsync(ct);
                return new Error("record.unconfirmed", $"以下检查人员尚未确认检查记录：{string.Join("、", names)}", Kind: ErrorKind.Conflict);
            }
            var submitted = task.Submit();
            if (!submitted.IsSuccess) return submitted;
            record.MarkSubmitted(clock.GetUtcNow().UtcDateTime);
            await audit.AppendAsync(new AuditEvent("RECORD_SUBMITTED", viewer.UserName, new JsonObject { ["taskId"] = task.Id }), ct);
            return Result.Ok();
        }, ct);
    }
}
