using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Tasks;

/// <summary>Saves the team's record (draft). Only active team members, only while the task is open or returned.</summary>
public static class SaveRecord
{
    public sealed class Line
    {
        public int ItemId { get; set; }
        public bool Compliant { get; set; }
        public string? Note { get; set; }
    }

    public sealed class Command
    {
        public DateOnly? InspectedOn { get; set; }
        public string Place { get; set; } = "";
        public List<string> Methods { get; set; } = [];
        public List<Line> Checklist { get; set; } = [];
        public string? Findings { get; set; }
        public List<string> Results { get; set; } = [];
        public string? ResultOtherText { get; set; }
        public List<string> FollowUps { get; set; } = [];
        public DateOnly? RectifyDueDate { get; set; }
        public string? FollowUpOtherText { get; set; }
    }

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result> HandleAsync(int taskId, Command c, TaskViewer viewer, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            var loaded = await EditableTask.LoadAsync(db, taskId, viewer, ct);
            if (!loaded.IsSuccess) return loaded.Error!;
            var task = loaded.Value;
            var itemIds = task.ItemIdList;
            var items = await db.InspectionItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var data = RecordRules.Validate(c, items, ShanghaiDay.Of(now));
            if (!data.IsSuccess) return data.Error!;
            var record = await db.InspectionRecords.SingleOrDefaultAsync(r => r.TaskId == taskId, ct);
            if (record is not null && record.HasSameContent(data.Value)) return Result.Ok();
            if (record is null) db.InspectionRecords.Add(InspectionRecord.Create(taskId, data.Value, viewer.UserName, now));
            else record.Assign(data.Value, viewer.UserName, now);
            task.ResetConfirmations();
            task.Touch();
            await audit.AppendAsync(new AuditEvent("RECORD_SAVED", viewer.UserName, new JsonObject
            {
                ["taskId"] = task.Id,
                ["results"] = string.Join(';', data.Value.Results),
                ["followUps"] = string.Join(';', data.Value.FollowUps),
            }), ct);
            return Result.Ok();
        }, ct);
    }
}

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
            if (task.IsShortStaffed) return ShortStaffed(task);
            var record = await db.InspectionRecords.SingleOrDefaultAsync(r => r.TaskId == taskId, ct);
            if (record is null) return new Error("record.missing", "请先填写并保存检查记录", Kind: ErrorKind.Conflict);
            var pending = task.ActiveMembers.Where(m => m.ConfirmedAtUtc is null).Select(m => m.OfficerId).ToList();
            if (pending.Count > 0)
            {
                var names = await db.Officers.Where(o => pending.Contains(o.Id)).OrderBy(o => o.Code).Select(o => o.Name).ToListAsync(ct);
                return new Error("record.unconfirmed", $"以下检查人员尚未确认检查记录：{string.Join("、", names)}", Kind: ErrorKind.Conflict);
            }
            record.MarkSubmitted(clock.GetUtcNow().UtcDateTime);
            task.SetState(TaskState.Submitted);
            await audit.AppendAsync(new AuditEvent("RECORD_SUBMITTED", viewer.UserName, new JsonObject { ["taskId"] = task.Id }), ct);
            return Result.Ok();
        }, ct);

        /// <summary>R7: the record of a team below two certified officers cannot go to review.</summary>
        public static Error ShortStaffed(InspectionTask task) => new("record.short_staffed",
            $"人员不足：执法检查至少需要{InspectionTask.MinimumTeam}名持证执法人员，本组现有{task.ActiveMembers.Count()}名在岗人员。请计划管理员“补充检查人员”后再提交审核",
            Kind: ErrorKind.Conflict);
    }
}

/// <summary>The task a team member may still edit, confirm or submit: visible to them, theirs, open or returned.</summary>
static class EditableTask
{
    public static async Task<Result<InspectionTask>> LoadAsync(AppDbContext db, int taskId, TaskViewer viewer, CancellationToken ct)
    {
        var task = await db.InspectionTasks.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !viewer.CanSee(task)) return TaskErrors.NotFound;
        if (!viewer.IsMemberOf(task)) return TaskErrors.NotMember;
        if (task.State is not (TaskState.Open or TaskState.Returned)) return TaskErrors.NotEditable(task.State);
        return task;
    }
}
