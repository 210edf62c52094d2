using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Calendar;
using SpotCheck.Core.Common;
using SpotCheck.Core.Credit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Reviews;

/// <summary>Submitted records waiting for a reviewer, oldest first.</summary>
public static class ReviewQueue
{
    public sealed class Handler(ListTasks.Handler list)
    {
        public Task<TaskPage> HandleAsync(TaskViewer viewer, int page, CancellationToken ct = default) =>
            list.PageAsync(viewer, TaskState.Submitted, page, 50, ct);
    }
}

/// <summary>The publication deadline: 20 working days after the conclusion (provisional when a year is not loaded).</summary>
public static class PublicationDeadline
{
    public const int Workdays = 20;

    public static (DateOnly Deadline, bool Provisional) Of(WorkingDayCalendar calendar, DateOnly conclusion)
    {
        var exact = calendar.AddWorkdays(conclusion, Workdays);
        if (exact.IsSuccess) return (exact.Value, false);
        // Without the year's 国务院 notice, count Monday–Friday only and flag the date as provisional.
        var day = conclusion;
        for (var counted = 0; counted < Workdays;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) counted++;
        }
        return (day, true);
    }
}

/// <summary>
/// A reviewer returns a submitted record with a reason (the team edits and submits again) or approves it. Approval
/// stores the conclusion date and publication deadline and carries out the follow-ups: RECTIFY creates a re-check
/// task (source ASSIGNED), every follow-up is tracked as an open <see cref="FollowUpAction"/>, CREDIT_RECORD writes a
/// credit record and raises the enterprise's risk class by one. All of it is one transaction with its audit entries.
/// </summary>
public static class ReviewRecord
{
    public sealed record Approved(DateOnly ConclusionDate, DateOnly PublicationDeadline, bool Provisional, int? RecheckTaskId, RiskClass? NewRiskClass);

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> ReturnAsync(int taskId, string reason, TaskViewer reviewer, CancellationToken ct = default)
        {
            var loaded = await LoadAsync(taskId, reviewer, ct);
            if (!loaded.IsSuccess) return loaded.Error!;
            var (task, record) = loaded.Value;
            if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
                return new Error("review.reason", "退回时必须填写退回原因（不超过1000个字符）", "reason");
            record.MarkReturned(reason.Trim(), reviewer.UserName);
            task.ResetConfirmations();
            task.SetState(TaskState.Returned);
            await audit.AppendAsync(new AuditEvent("RECORD_RETURNED", reviewer.UserName, new JsonObject
            {
                ["taskId"] = task.Id, ["reason"] = reason.Trim(),
            }, task.DrawId), ct);
            return Result.Ok();
        }

        public async Task<Result<Approved>> ApproveAsync(int taskId, TaskViewer reviewer, CancellationToken ct = default)
        {
            var loaded = await LoadAsync(taskId, reviewer, ct);
            if (!loaded.IsSuccess) return loaded.Error!;
            var (task, record) = loaded.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            var today = ShanghaiDay.Of(now);
            var calendar = await CalendarStore.LoadAsync(db, ct);
            var (deadline, provisional) = PublicationDeadline.Of(calendar, today);
            var followUps = record.FollowUpList.Where(c => c != "NONE_REQUIRED").ToList();

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            record.MarkApproved(reviewer.UserName, today, deadline, provisional);
            task.SetState(TaskState.Approved);
            var actions = followUps.Select(code => new FollowUpAction(task.Id, code,
                code == RecordCodes.Other ? record.FollowUpOtherText : null,
                code == RecordCodes.Rectify ? record.RectifyDueDate : null, now)).ToList();
            db.FollowUpActions.AddRange(actions);

            InspectionTask? recheck = null;
            if (followUps.Contains(RecordCodes.Rectify))
            {
                var due = record.RectifyDueDate!.Value;
                var recheckDue = calendar.AddWorkdays(due, 5) is { IsSuccess: true } r ? r.Value : due.AddDays(7);
                recheck = InspectionTask.NonRandom(TaskSource.Assigned, task.EnterpriseId, task.ItemIdList, recheckDue,
                    string.Create(CultureInfo.InvariantCulture, $"责令限期整改复查：原任务 #{task.Id}，整改期限 {due:yyyy-MM-dd}"), task.ActiveMembers.Select(m => m.OfficerId).ToList(),
                    reviewer.UserName, now, recheckOfTaskId: task.Id);
                db.InspectionTasks.Add(recheck);
                await db.SaveChangesAsync(ct);
                record.LinkRecheck(recheck.Id);
                actions.Single(a => a.Code == RecordCodes.Rectify).LinkRecheck(recheck.Id);
            }

            RiskClass? newRisk = null;
            CreditRecord? credit = null;
            if (followUps.Contains(RecordCodes.CreditRecord))
            {
                var enterprise = await db.Enterprises.Include(e => e.Tags).SingleAsync(e => e.Id == task.EnterpriseId, ct);
                var before = enterprise.RiskClass;
                newRisk = CreditRecord.Raise(before);
                enterprise.ChangeRiskClass(newRisk.Value, reviewer.UserName, "CREDIT_RECORD", now);
                credit = new CreditRecord(enterprise.Id, task.Id, today, record.Results, before, newRisk.Value, reviewer.UserName, now);
                db.CreditRecords.Add(credit);
            }

            await audit.AppendAsync(new AuditEvent("RECORD_APPROVED", reviewer.UserName, new JsonObject
            {
                ["taskId"] = task.Id,
                ["source"] = TaskLabels.Code(task.Source),
                ["results"] = record.Results,
                ["followUps"] = record.FollowUps,
                ["conclusionDate"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["publicationDeadline"] = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["provisional"] = provisional,
                ["recheckTaskId"] = recheck?.Id,
            }, task.DrawId), ct);
            if (credit is not null)
                await audit.AppendAsync(new AuditEvent("CREDIT_RECORDED", reviewer.UserName, new JsonObject
                {
                    ["taskId"] = task.Id, ["enterpriseId"] = task.EnterpriseId,
                    ["riskBefore"] = credit.RiskBefore.ToString(), ["riskAfter"] = credit.RiskAfter.ToString(),
                }), ct);
            await tx.CommitAsync(ct);
            return new Approved(today, deadline, provisional, recheck?.Id, newRisk);
        }

        async Task<Result<(InspectionTask Task, InspectionRecord Record)>> LoadAsync(int taskId, TaskViewer reviewer, CancellationToken ct)
        {
            var task = await db.InspectionTasks.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !reviewer.CanSee(task)) return new Error("task.not_found", "检查任务不存在或无权查看", Kind: ErrorKind.NotFound);
            if (reviewer.IsMemberOf(task)) return new Error("review.own_task", "检查组成员不能审核本组的检查记录", Kind: ErrorKind.Forbidden);
            if (task.State != TaskState.Submitted)
                return new Error("review.not_submitted", $"只有待审核的记录可以审核（当前：{TaskLabels.Of(task.State)}）", Kind: ErrorKind.Conflict);
            var record = await db.InspectionRecords.SingleAsync(r => r.TaskId == taskId, ct);
            return (task, record);
        }
    }
}
