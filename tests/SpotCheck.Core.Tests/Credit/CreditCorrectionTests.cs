using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Credit;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Tasks;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Credit;

public sealed class CreditCorrectionTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    static readonly RecordObjection.Command Objection = new()
    {
        ReceivedOn = new DateOnly(2026, 11, 26), SubmittedBy = "企业法定代表人", Content = "检查前已完成备案，不应记入诚信档案",
    };

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task An_upheld_objection_withdraws_the_credit_record_and_puts_the_risk_class_back(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, taskId) = await ApprovedWithCreditAsync(store);

        var oid = (await new RecordObjection.Handler(store.Db, store.Audit, store.Clock).HandleAsync(taskId, Objection, TaskKit.Planner)).Value;
        var resolved = await new ResolveObjection.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(oid, ObjectionOutcome.Upheld, "核实备案回执，异议成立", TaskKit.Reviewer);
        Assert.True(resolved.IsSuccess, resolved.Error?.Message);

        await using var fresh = store.Fresh();
        var credit = await fresh.CreditRecords.SingleAsync();
        Assert.Equal((RiskClass.B, RiskClass.C), (credit.RiskBefore, credit.RiskAfter)); // the entry itself is never edited
        var enterprise = await fresh.Enterprises.Include(e => e.Changes).SingleAsync(e => e.Id == kit.Enterprise.Id);
        Assert.Equal(RiskClass.B, enterprise.RiskClass);
        Assert.Contains(enterprise.Changes, c => c.Field == "RiskClass" && c.Source == "OBJECTION_UPHELD" && c.NewValue == "B");
        var row = Assert.Single(await new ListCreditRecords.Handler(fresh).HandleAsync(kit.Enterprise.Id));
        Assert.Equal(ObjectionOutcome.Upheld, row.ObjectionOutcome);
        var last = await fresh.AuditEntries.OrderByDescending(e => e.Seq).FirstAsync();
        Assert.Equal("CREDIT_CORRECTED", last.Type);
        Assert.Contains("\"riskRestoredTo\":\"B\"", last.Payload);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_rejected_objection_keeps_the_raised_risk_class(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (kit, taskId) = await ApprovedWithCreditAsync(store);

        var oid = (await new RecordObjection.Handler(store.Db, store.Audit, store.Clock).HandleAsync(taskId, Objection, TaskKit.Planner)).Value;
        Assert.True((await new ResolveObjection.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(oid, ObjectionOutcome.Rejected, "备案回执日期晚于检查日，异议不成立", TaskKit.Reviewer)).IsSuccess);

        await using var fresh = store.Fresh();
        Assert.Equal(RiskClass.C, (await fresh.Enterprises.SingleAsync(e => e.Id == kit.Enterprise.Id)).RiskClass);
        Assert.False(await fresh.AuditEntries.AnyAsync(e => e.Type == "CREDIT_CORRECTED"));
    }

    static async Task<(TaskKit Kit, int TaskId)> ApprovedWithCreditAsync(Store store)
    {
        var kit = await TaskKit.CreateAsync(store, risk: RiskClass.B);
        var id = await kit.ComplaintTaskAsync(0, 1);
        await kit.SubmitAsync(id, kit.Record("PROBLEM_PENDING;COAL_NOT_FILED", "CREDIT_RECORD"), 0, 1);
        var approved = await new ApproveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(id, TaskKit.Reviewer);
        Assert.True(approved.IsSuccess, approved.Error?.Message);
        return (kit, id);
    }
}
