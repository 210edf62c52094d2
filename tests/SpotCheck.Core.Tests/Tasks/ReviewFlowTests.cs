using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Credit;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Tasks;

public sealed class ReviewFlowTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Submit_needs_every_member_to_confirm_and_a_change_clears_confirmations(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var id = await kit.ComplaintTaskAsync(0, 1);
        var save = new SaveRecord.Handler(store.Db, store.Audit, store.Clock);
        var confirm = new ConfirmRecord.Handler(store.Db, store.Audit, store.Clock);
        var submit = new SubmitRecord.Handler(store.Db, store.Audit, store.Clock);

        Assert.Equal("record.missing", (await confirm.HandleAsync(id, kit.OfficerViewer(0))).Error!.Code);
        Assert.True((await save.HandleAsync(id, kit.Record(), kit.OfficerViewer(0))).IsSuccess);
        Assert.True((await confirm.HandleAsync(id, kit.OfficerViewer(0))).IsSuccess);
        var early = await submit.HandleAsync(id, kit.OfficerViewer(0));
        Assert.Contains("检查员2", early.Error!.Message);
        Assert.True((await confirm.HandleAsync(id, kit.OfficerViewer(1))).IsSuccess);
        Assert.True((await save.HandleAsync(id, kit.Record("ANNUAL_REPORT_NOT_PUBLISHED", "GUIDANCE"), kit.OfficerViewer(1))).IsSuccess);
        Assert.Equal("record.unconfirmed", (await submit.HandleAsync(id, kit.OfficerViewer(0))).Error!.Code);
        Assert.Equal("task.not_found", (await confirm.HandleAsync(id, kit.OfficerViewer(2))).Error!.Code);
        Assert.True((await confirm.HandleAsync(id, kit.OfficerViewer(0))).IsSuccess);
        Assert.True((await confirm.HandleAsync(id, kit.OfficerViewer(1))).IsSuccess);
        Assert.True((await submit.HandleAsync(id, kit.OfficerViewer(1))).IsSuccess);
        Assert.Equal("task.not_editable", (await save.HandleAsync(id, kit.Record(), kit.OfficerViewer(0))).Error!.Code);

        await using var fresh = store.Fresh();
        Assert.Equal(TaskState.Submitted, (await fresh.InspectionTasks.SingleAsync(t => t.Id == id)).State);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_returned_record_goes_back_to_the_team_with_its_reason(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var id = await kit.ComplaintTaskAsync(0, 1);
        await kit.SubmitAsync(id, kit.Record(), 0, 1);
        var approve = new ApproveRecord.Handler(store.Db, store.Audit, store.Clock);
        var returning = new ReturnRecord.Handler(store.Db, store.Audit);

        Assert.Equal("reason", (await returning.HandleAsync(id, "", TaskKit.Reviewer)).Error!.Field);
        Assert.Equal("review.own_task", (await approve.HandleAsync(id, kit.OfficerViewer(0))).Error!.Code);
        Assert.True((await returning.HandleAsync(id, "检查清单说明不完整", TaskKit.Reviewer)).IsSuccess);

        await using (var fresh = store.Fresh())
        {
            var task = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == id);
            Assert.Equal(TaskState.Returned, task.State);
            Assert.All(task.Members, m => Assert.Null(m.ConfirmedAtUtc));
            Assert.Equal("检查清单说明不完整", (await fresh.InspectionRecords.SingleAsync()).ReturnReason);
        }
        await kit.SubmitAsync(id, kit.Record("NO_PROBLEM", "NONE_REQUIRED"), 0, 1);
        var approved = await approve.HandleAsync(id, TaskKit.Reviewer);
        Assert.True(approved.IsSuccess, approved.Error?.Message);
        Assert.Null(approved.Value.RecheckTaskId);
        Assert.Equal("review.not_submitted", (await approve.HandleAsync(id, TaskKit.Reviewer)).Error!.Code);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Approval_with_rectify_and_credit_record_creates_a_recheck_and_raises_the_risk_class(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store, risk: RiskClass.B);
        var id = await kit.ComplaintTaskAsync(0, 1);
        await kit.SubmitAsync(id, kit.Record("PROBLEM_PENDING;COAL_NOT_FILED", "RECTIFY;TRANSFER_CASE;CREDIT_RECORD", new DateOnly(2026, 12, 10)), 0, 1);

        var approved = await new ApproveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(id, TaskKit.Reviewer);
        Assert.True(approved.IsSuccess, approved.Error?.Message);
        // The inspection ended Wed 2026-11-25; 20 working days later, start day excluded, no holiday in between.
        Assert.Equal((new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 23), (int?)null),
            (approved.Value.ConcludedOn, approved.Value.PublicationDeadline, approved.Value.DeadlineYearMissing));

        await using var fresh = store.Fresh();
        var record = await fresh.InspectionRecords.SingleAsync(r => r.TaskId == id);
        Assert.Equal((new DateOnly(2026, 12, 23), approved.Value.RecheckTaskId), (record.PublicationDeadline!.Value, record.RecheckTaskId));
        var recheck = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == approved.Value.RecheckTaskId);
        Assert.Equal((TaskSource.Recheck, (int?)id, false), (recheck.Source, recheck.RecheckOfTaskId, recheck.IsRandom));
        Assert.True(recheck.DueDate > new DateOnly(2026, 12, 10));
        Assert.Equal([kit.Officers[0].Id, kit.Officers[1].Id], recheck.ActiveMembers.Select(m => m.OfficerId));
        var actions = await fresh.FollowUpActions.Where(f => f.TaskId == id).OrderBy(f => f.Code).ToListAsync();
        Assert.Equal(["CREDIT_RECORD", "RECTIFY", "TRANSFER_CASE"], actions.Select(a => a.Code));
        Assert.All(actions, a => Assert.Equal(FollowUpState.Open, a.State));
        Assert.Equal(recheck.Id, actions.Single(a => a.Code == "RECTIFY").RecheckTaskId);
        var credit = await fresh.CreditRecords.SingleAsync();
        Assert.Equal((kit.Enterprise.Id, RiskClass.B, RiskClass.C), (credit.EnterpriseId, credit.RiskBefore, credit.RiskAfter));
        var enterprise = await fresh.Enterprises.Include(e => e.Changes).SingleAsync(e => e.Id == kit.Enterprise.Id);
        Assert.Equal(RiskClass.C, enterprise.RiskClass);
        Assert.Contains(enterprise.Changes, c => c.Field == "RiskClass" && c.OldValue == "B" && c.NewValue == "C");
        var types = await fresh.AuditEntries.OrderBy(e => e.Seq).Select(e => e.Type).ToListAsync();
        Assert.Equal(["RECORD_APPROVED", "CREDIT_RECORDED"], types.TakeLast(2));
        Assert.Equal(TaskState.Approved, (await fresh.InspectionTasks.SingleAsync(t => t.Id == id)).State);
    }

    [SkippableFact]
    public void Risk_class_rises_by_one_and_stops_at_D()
    {
        Assert.Equal([RiskClass.B, RiskClass.C, RiskClass.D, RiskClass.D],
            new[] { RiskClass.A, RiskClass.B, RiskClass.C, RiskClass.D }.Select(CreditRecord.Raise));
    }

    [SkippableFact]
    public void A_deadline_that_runs_into_a_year_not_loaded_is_unknown_and_names_the_year()
    {
        var calendar = SpotCheck.Core.Calendar.WorkingDayCalendar.ShippedOnly();
        Assert.Equal(new SpotCheck.Core.Publication.Deadline(null, 2027), SpotCheck.Core.Publication.Deadline.From(calendar, new DateOnly(2026, 12, 4)));
        Assert.Equal(new SpotCheck.Core.Publication.Deadline(new DateOnly(2026, 12, 24), null),
            SpotCheck.Core.Publication.Deadline.From(calendar, new DateOnly(2026, 11, 26)));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task An_objection_is_resolved_once_and_the_record_stays_unchanged(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var id = await kit.ComplaintTaskAsync(0, 1);
        var objection = new RecordObjection.Command { ReceivedOn = new DateOnly(2026, 11, 26), SubmittedBy = "企业法定代表人", Content = "已于检查前完成备案" };
        Assert.Equal("objection.not_approved", (await new RecordObjection.Handler(store.Db, store.Audit, store.Clock).HandleAsync(id, objection, TaskKit.Planner)).Error!.Code);
        await kit.SubmitAsync(id, kit.Record("PROBLEM_PENDING;COAL_NOT_FILED", "GUIDANCE"), 0, 1);
        Assert.True((await new ApproveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(id, TaskKit.Reviewer)).IsSuccess);

        var oid = (await new RecordObjection.Handler(store.Db, store.Audit, store.Clock).HandleAsync(id, objection, TaskKit.Planner)).Value;
        var resolve = new ResolveObjection.Handler(store.Db, store.Audit, store.Clock);
        Assert.True((await resolve.HandleAsync(oid, ObjectionOutcome.Upheld, "核实备案回执，异议成立", TaskKit.Reviewer)).IsSuccess);
        Assert.Equal("objection.resolved", (await resolve.HandleAsync(oid, ObjectionOutcome.Rejected, "改判", TaskKit.Reviewer)).Error!.Code);

        await using var fresh = store.Fresh();
        var stored = await fresh.Objections.SingleAsync();
        Assert.Equal((ObjectionOutcome.Upheld, "核实备案回执，异议成立"), (stored.Outcome!.Value, stored.ResolutionNote!));
        Assert.Equal("COAL_NOT_FILED;PROBLEM_PENDING", (await fresh.InspectionRecords.SingleAsync()).Results);
    }
}
