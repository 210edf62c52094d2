using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Calendar;
using SpotCheck.Core.Common;
using SpotCheck.Core.Credit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Publication;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Reviews;

/// <summary>
/// A reviewer approves a submitted record and the follow-ups are carried out in the same transaction: RECTIFY creates
/// a 整改复查 task, every follow-up is tracked as an open <see cref="FollowUpAction"/>, CREDIT_RECORD writes a credit
/// record and raises the enterprise's risk class by one. Approving a 复查 that found the problem corrected closes the
/// 责令整改 it checked. The publication deadline stays the one counted from the day the inspection ended.
/// </summary>
public static class ApproveRecord
{
    public sealed record Approved(DateOnly ApprovedOn, DateOnly ConcludedOn, DateOnly? PublicationDeadline, int? DeadlineYearMissing,
        int? RecheckTaskId, RiskClass? NewRiskClass, string? RectificationOutcome);

    /// <summary>Working days between the 整改期限 and the 复查 task's due date.</summary>
    const int RecheckWorkdays = 5;

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<Approved>> HandleAsync(int taskId, TaskViewer reviewer, CancellationToken ct = default) => db.RunAsync<Approved>(async () =>
        {
            var loaded = await ReviewableTask.LoadAsync(db, taskId, reviewer, ct);
            if (!loaded.IsSuccess) return loaded.Error;
            var (task, record) = loaded.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            var today = ShanghaiDay.Of(now);
            var calendar = await CalendarStore.LoadAsync(db, ct);
            var deadline = Deadline.From(calendar, record.ConclusionDate);
            var followUps = record.FollowUpList.Where(c => c != "NONE_REQUIRED").ToList();

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var approved = task.Approve();
            if (!approved.IsSuccess) return approved.Error;
            record.MarkApproved(reviewer.UserName, today);
            record.SetDeadline(deadline);
            var actions = followUps.Select(code => new FollowUpAction(task.Id, code,
                code == RecordCodes.Other ? record.FollowUpOtherText : null,
                code == RecordCodes.Rectify ? record.RectifyDueDate : null, now)).ToList();
            db.FollowUpActions.AddRange(actions);

            InspectionTask? recheck = null;
            if (followUps.Contains(RecordCodes.Rectify))
            {
                var due = record.RectifyDueDate!.Value;
                var recheckDue = calendar.AddWorkdays(due, RecheckWorkdays) is { IsSuccess: true } r ? r.Value : due.AddDays(7);
                recheck = InspectionTask.NonRandom(TaskSource.Recheck, task.EnterpriseId, task.ItemIdList, recheckDue,
                    $"责令限期整改复查：原任务 #{task.Id}，整改期限 {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                    task.ActiveMembers.Select(m => m.OfficerId).ToList(), reviewer.UserName, now,
                    task.DepartmentId ?? await TaskDepartment.ForItemsAsync(db, task.ItemIdList, ct), recheckOfTaskId: task.Id);
                db.InspectionTasks.Add(recheck);
                await db.SaveChangesAsync(ct);
                record.LinkRecheck(recheck.Id);
                actions.Single(a => a.Code == RecordCodes.Rectify).LinkRecheck(recheck.Id);
            }

            var rectification = task.RecheckOfTaskId is int original ? await CloseRectificationAsync(original, task.Id, record, today, reviewer, ct) : null;

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
                ["concludedOn"] = Iso(record.ConclusionDate),
                ["approvedOn"] = Iso(today),
                ["publicationDeadline"] = deadline.Date is DateOnly d ? Iso(d) : null,
                ["deadlineYearMissing"] = deadline.MissingYear,
                ["recheckTaskId"] = recheck?.Id,
            }, task.DrawId), ct);
            if (rectification is { Closed: { } closedAction })
                await audit.AppendAsync(new AuditEvent("FOLLOW_UP_CLOSED", reviewer.UserName, new JsonObject
                {
                    ["followUpId"] = closedAction.Id, ["taskId"] = closedAction.TaskId, ["code"] = closedAction.Code, ["recheckTaskId"] = task.Id,
                }), ct);
            if (credit is not null)
                await audit.AppendAsync(new AuditEvent("CREDIT_RECORDED", reviewer.UserName, new JsonObject
                {
                    ["taskId"] = task.Id, ["enterpriseId"] = task.EnterpriseId,
                    ["riskBefore"] = credit.RiskBefore.ToString(), ["riskAfter"] = credit.RiskAfter.ToString(),
                }), ct);
            await tx.CommitAsync(ct);
            return new Approved(today, record.ConclusionDate, deadline.Date, deadline.MissingYear, recheck?.Id, newRisk, rectification?.Outcome);
        }, ct);

        /// <summary>
        /// The 复查 of a 责令整改 decides it: corrected (or nothing found) closes the rectification with this approval;
        /// a problem still found leaves it open and says so.
        /// </summary>
        async Task<(FollowUpAction? Closed, string Outcome)?> CloseRectificationAsync(int originalTaskId, int recheckTaskId,
            InspectionRecord recheck, DateOnly today, TaskViewer reviewer, CancellationToken ct)
        {
            var action = await db.FollowUpActions.SingleOrDefaultAsync(f => f.TaskId == originalTaskId && f.Code == RecordCodes.Rectify
                && f.RecheckTaskId == recheckTaskId && f.State == FollowUpState.Open, ct);
            if (action is null) return null;
            if (recheck.ResultList.Any(RecordCodes.ProblemStillOpen.Contains))
                return (null, "复查仍发现问题，责令整改未完结；请按复查的后续处置继续办理");
            var closed = action.Close(today, $"复查任务 #{recheckTaskId} 审核通过，整改已完成", reviewer.UserName);
            return closed.IsSuccess ? (action, "复查审核通过，责令整改已完结") : null;
        }
    }

    static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
