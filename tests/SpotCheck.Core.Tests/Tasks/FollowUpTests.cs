using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Tasks;

public sealed class FollowUpTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Rectify_closes_with_the_approval_of_a_recheck_that_found_it_corrected(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var id = await kit.ComplaintTaskAsync(0, 1);
        await kit.SubmitAsync(id, kit.Record("PROBLEM_PENDING;COAL_NOT_FILED", "RECTIFY;TRANSFER_CASE", new DateOnly(2026, 12, 10)), 0, 1);
        var approve = new ApproveRecord.Handler(store.Db, store.Audit, store.Clock);
        var recheckId = (await approve.HandleAsync(id, TaskKit.Reviewer)).Value.RecheckTaskId!.Value;
        var close = new CloseFollowUp.Handler(store.Db, store.Audit, store.Clock);
        var actions = await store.Db.FollowUpActions.Where(f => f.TaskId == id).ToDictionaryAsync(f => f.Code, f => f.Id);

        Assert.Equal("followup.recheck_open", (await close.HandleAsync(actions["RECTIFY"], "已整改", TaskKit.Planner)).Error!.Code);
        Assert.True((await close.HandleAsync(actions["TRANSFER_CASE"], "已移送执法大队立案", TaskKit.Planner)).IsSuccess);
        Assert.Equal("followup.closed", (await close.HandleAsync(actions["TRANSFER_CASE"], "再次", TaskKit.Planner)).Error!.Code);
        Assert.Equal("followup.not_found", (await close.HandleAsync(actions["RECTIFY"], "x", kit.OfficerViewer(0))).Error!.Code);

        await kit.SubmitAsync(recheckId, kit.Record("CORRECTED_AFTER_ORDER;COAL_NOT_FILED", "NONE_REQUIRED"), 0, 1);
        var rechecked = await approve.HandleAsync(recheckId, TaskKit.Reviewer);
        Assert.Equal("复查审核通过，责令整改已完结", rechecked.Value.RectificationOutcome);
        Assert.Equal("followup.closed", (await close.HandleAsync(actions["RECTIFY"], "复查确认已整改", TaskKit.Planner)).Error!.Code);

        await using var fresh = store.Fresh();
        var rectify = await fresh.FollowUpActions.SingleAsync(f => f.Id == actions["RECTIFY"]);
        Assert.Equal((FollowUpState.Closed, new DateOnly(2026, 11, 26), $"复查任务 #{recheckId} 审核通过，整改已完成", TaskKit.Reviewer.UserName),
            (rectify.State, rectify.ClosedOn!.Value, rectify.ClosingNote!, rectify.ClosedBy!));
        var closing = await fresh.AuditEntries.SingleAsync(e => e.Type == "FOLLOW_UP_CLOSED" && e.Payload.Contains("RECTIFY"));
        Assert.Contains($"\"recheckTaskId\":{recheckId}", closing.Payload);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_recheck_that_still_finds_the_problem_leaves_the_rectification_open_and_says_so(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var id = await kit.ComplaintTaskAsync(0, 1);
        await kit.SubmitAsync(id, kit.Record("PROBLEM_PENDING;COAL_NOT_FILED", "RECTIFY", new DateOnly(2026, 12, 10)), 0, 1);
        var approve = new ApproveRecord.Handler(store.Db, store.Audit, store.Clock);
        var recheckId = (await approve.HandleAsync(id, TaskKit.Reviewer)).Value.RecheckTaskId!.Value;

        await kit.SubmitAsync(recheckId, kit.Record("PROBLEM_PENDING;COAL_NOT_FILED", "TRANSFER_CASE"), 0, 1);
        var rechecked = await approve.HandleAsync(recheckId, TaskKit.Reviewer);

        Assert.StartsWith("复查仍发现问题", rechecked.Value.RectificationOutcome);
        await using var fresh = store.Fresh();
        Assert.Equal(FollowUpState.Open, (await fresh.FollowUpActions.SingleAsync(f => f.TaskId == id && f.Code == "RECTIFY")).State);
    }
}
