using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Calendar;
using SpotCheck.Core.Publication;

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
        /// <summary>检查结束日期 for a visit of several days; the inspection date when empty.</summary>
        public DateOnly? ConcludedOn { get; set; }
        public string Place { get; set; } = "";
        public List<string> Methods { get; set; } = [];
        public List<Line> Checklist { get; set; } = [];
        public string? Findings { get; set; }
        public List<string> Results { get; set; } = [];
        public string? ResultOtherText { get; set; }
        public List<string> FollowUps { get; set; } = [];
        public DateOnly? RectifyDueDate { get; set; }
        public string? FollowUpOtherText { get; set; }
        /// <summary>
        /// The record's version the form was loaded on (<see cref="VersionOf"/>: 0 before the first save); null = no
        /// check. The record's, not the task's: evidence uploaded meanwhile does not make the typed record stale.
        /// </summary>
        public int? ExpectedVersion { get; set; }
    }

    /// <summary>The version a form carries: 0 while there is no record, so two first saves cannot both win.</summary>
    public static int VersionOf(InspectionRecord? record) => record is null ? 0 : record.RowVersion + 1;

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
            if (c.ExpectedVersion is int seen && seen != VersionOf(record))
                return Error.Stale("该检查记录", seen, VersionOf(record), []);
            if (record is null)
            {
                record = InspectionRecord.Create(taskId, data.Value, viewer.UserName, now);
                db.InspectionRecords.Add(record);
            }
            else record.Assign(data.Value, viewer.UserName, now);
            var deadline = Deadline.From(await CalendarStore.LoadAsync(db, ct), record.ConclusionDate);
            record.SetDeadline(deadline);
            task.ResetConfirmations();
            task.Touch();
            await audit.AppendAsync(new AuditEvent("RECORD_SAVED", viewer.UserName, new JsonObject
            {
                ["taskId"] = task.Id,
                ["results"] = string.Join(';', data.Value.Results),
                ["followUps"] = string.Join(';', data.Value.FollowUps),
                ["concludedOn"] = record.ConclusionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["publicationDeadline"] = deadline.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["deadlineYearMissing"] = deadline.MissingYear,
            }), ct);
            return Result.Ok();
        }, ct);
    }
}
