using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.Tasks;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Officers;

/// <summary>A withdrawn 回避 declaration stays as history and no longer counts for tasks, substitutions or freezes.</summary>
public sealed class ConflictWithdrawalTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_withdrawn_conflict_is_kept_audited_and_no_longer_blocks(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store, officers: 2);
        var declare = new DeclareConflict.Handler(store.Db, store.Audit, store.Clock);
        var conflictId = (await declare.HandleAsync(new DeclareConflict.Command(kit.Officers[0].Id, kit.Enterprise.Id, ConflictKind.Relative, "配偶任职"), "planner")).Value;
        var create = new CreateTask.Handler(store.Db, store.Audit, store.Clock);
        CreateTask.Command Complaint() => new()
        {
            Source = "COMPLAINT", EnterpriseId = kit.Enterprise.Id, ItemIds = [kit.Item.Id], DueDate = new DateOnly(2026, 12, 31),
            Basis = "举报", OfficerIds = [kit.Officers[0].Id, kit.Officers[1].Id],
        };
        Assert.Equal("task.team", (await create.HandleAsync(Complaint(), "planner")).Error?.Code);

        var withdraw = new WithdrawConflict.Handler(store.Db, store.Audit, store.Clock);
        Assert.Equal("officer.withdraw_reason", (await withdraw.HandleAsync(kit.Officers[0].Id, conflictId, " ", "planner")).Error?.Code);
        Assert.Equal(Common.ErrorKind.NotFound, (await withdraw.HandleAsync(kit.Officers[1].Id, conflictId, "错误申报", "planner")).Error?.Kind);
        Assert.True((await withdraw.HandleAsync(kit.Officers[0].Id, conflictId, "配偶已离职", "planner")).IsSuccess);
        Assert.Equal("officer.conflict_withdrawn", (await withdraw.HandleAsync(kit.Officers[0].Id, conflictId, "再次撤回", "planner")).Error?.Code);

        await using (var fresh = store.Fresh())
        {
            var row = await fresh.OfficerConflicts.SingleAsync(c => c.Id == conflictId);
            Assert.Equal(("planner", "配偶已离职", Store.Now.UtcDateTime), (row.WithdrawnBy, row.WithdrawnReason, row.WithdrawnAtUtc!.Value));
            var entry = await fresh.AuditEntries.OrderByDescending(e => e.Seq).FirstAsync();
            Assert.Equal("OFFICER_CONFLICT_WITHDRAWN", entry.Type);
            Assert.Contains("配偶已离职", entry.Payload);
            Assert.Equal(0, (await new ListOfficers.Handler(fresh).HandleAsync(null, 0, 1000)).Rows.Single(o => o.Id == kit.Officers[0].Id).ConflictCount);
        }
        Assert.True((await create.HandleAsync(Complaint(), "planner")).IsSuccess);

        // The same reason may be declared again; the withdrawn row stays beside it.
        Assert.True((await declare.HandleAsync(new DeclareConflict.Command(kit.Officers[0].Id, kit.Enterprise.Id, ConflictKind.Relative, "再次申报"), "planner")).IsSuccess);
        await using (var fresh = store.Fresh())
            Assert.Equal(2, await fresh.OfficerConflicts.CountAsync(c => c.OfficerId == kit.Officers[0].Id));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_freeze_leaves_withdrawn_conflicts_out_of_the_snapshot(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = new DrawKit(store);
        var dept = await kit.DepartmentAsync("XPSCJ", "西平县市场监督管理局");
        var a = await kit.OfficerAsync(dept, "INS-001");
        var b = await kit.OfficerAsync(dept, "INS-002");
        await kit.OfficerAsync(dept, "INS-003");
        var enterprises = await kit.EnterprisesAsync(2);
        var item = await kit.ItemAsync(dept);
        var declare = new DeclareConflict.Handler(store.Db, store.Audit, store.Clock);
        var withdrawnId = (await declare.HandleAsync(new DeclareConflict.Command(a.Id, enterprises[0].Id, ConflictKind.PastEmployment, null), "planner")).Value;
        Assert.True((await declare.HandleAsync(new DeclareConflict.Command(b.Id, enterprises[1].Id, ConflictKind.Relative, null), "planner")).IsSuccess);
        Assert.True((await new WithdrawConflict.Handler(store.Db, store.Audit, store.Clock).HandleAsync(a.Id, withdrawnId, "已离职满三年", "planner")).IsSuccess);

        var planId = await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSCJ"]));
        var drawId = await kit.FreezeAsync(planId);
        await using var fresh = store.Fresh();
        var conflicts = (await fresh.DrawSessions.SingleAsync(s => s.DrawId == drawId)).ConflictsTsv;
        Assert.Equal($"INS-002\t{enterprises[1].Uscc}\n", conflicts);
    }
}
