using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw;

namespace SpotCheck.Core.Tests.Tasks;

public sealed class RecusalTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_later_recusal_is_replaced_by_the_lowest_ticket_off_the_team_and_logged(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store, officers: 6);
        var id = await kit.ComplaintTaskAsync(0, 1);

        // Independent expectation: task-specific seed, lowest A-ticket among officers not on the team.
        var seed = DrawHash.Sha256Hex("task-substitution:" + id.ToString(CultureInfo.InvariantCulture));
        var target = "TASK-" + id.ToString(CultureInfo.InvariantCulture);
        var expected = kit.Officers.Skip(2).MinBy(o => DrawHash.AssignmentTicket(seed, target, o.Code))!;

        var r = await new WithdrawMember.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(id, kit.Officers[0].Id, "与企业负责人系近亲属", isConflict: true, kit.OfficerViewer(0));
        Assert.True(r.IsSuccess, r.Error?.Message);
        Assert.Equal(expected.Id, r.Value.SubstituteOfficerId);

        await using var fresh = store.Fresh();
        var task = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == id);
        var withdrawn = task.Members.Single(m => m.OfficerId == kit.Officers[0].Id);
        Assert.Equal((false, "与企业负责人系近亲属"), (withdrawn.IsActive, withdrawn.WithdrawnReason));
        Assert.Equal([kit.Officers[1].Id, expected.Id], task.ActiveMembers.Select(m => m.OfficerId));
        Assert.Equal(kit.Officers[1].Id, task.Leader!.OfficerId);
        Assert.True(await fresh.Set<SpotCheck.Core.Officers.OfficerConflict>().AnyAsync(c => c.OfficerId == kit.Officers[0].Id && c.EnterpriseId == kit.Enterprise.Id));
        var entry = await fresh.AuditEntries.OrderByDescending(e => e.Seq).FirstAsync();
        Assert.Equal("SUBSTITUTION", entry.Type);
        Assert.Contains("\"substitute\":\"" + expected.Code + "\"", entry.Payload);
        Assert.Contains("\"withdrawn\":\"INS-001\"", entry.Payload);
        // The withdrawn officer no longer sees the task.
        Assert.Empty((await new ListTasks.Handler(fresh).PageAsync(kit.OfficerViewer(0), null, 1, 100)).Items);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Officers_cannot_withdraw_someone_else(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var id = await kit.ComplaintTaskAsync(0, 1);
        var r = await new WithdrawMember.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(id, kit.Officers[1].Id, "不想去", isConflict: false, kit.OfficerViewer(0));
        Assert.Equal("task.not_member", r.Error!.Code);
        var blank = await new WithdrawMember.Handler(store.Db, store.Audit, store.Clock)
            .HandleAsync(id, kit.Officers[0].Id, " ", isConflict: true, kit.OfficerViewer(0));
        Assert.Equal("reason", blank.Error!.Field);
    }
}
