using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw;

namespace SpotCheck.Core.Tests.Tasks;

/// <summary>draw-spec §5.5 end to end: a real ceremony staffs the task, a member withdraws, the draw's seed picks the substitute.</summary>
public sealed class DrawRecusalTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_recusal_after_the_draw_is_replaced_from_the_draw_seed_and_logged_under_the_draw(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = new DrawKit(store);
        var dept = await kit.DepartmentAsync("XPSCJ", "西平县市场监督管理局");
        var officers = new List<SpotCheck.Core.Officers.Officer>();
        for (var i = 1; i <= 6; i++) officers.Add(await kit.OfficerAsync(dept, $"INS-{i:D3}"));
        var enterprise = (await kit.EnterprisesAsync(1))[0];
        var item = await kit.ItemAsync(dept);
        var planId = await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSCJ"]));
        var (drawId, _) = await kit.FullDrawAsync(planId);

        int taskId;
        string seed;
        List<int> team;
        await using (var fresh = store.Fresh())
        {
            var task = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.DrawId == drawId);
            (taskId, team) = (task.Id, task.ActiveMembers.Select(m => m.OfficerId).ToList());
            Assert.Equal(2, team.Count);
            Assert.Equal(task.ActiveMembers.OrderBy(m => m.Ticket, StringComparer.Ordinal).First().OfficerId, task.Leader!.OfficerId);
            seed = (await fresh.DrawSessions.SingleAsync(s => s.DrawId == drawId)).Seed!;
        }
        var leaving = officers.Single(o => o.Id == team[0]);
        var expected = officers.Where(o => !team.Contains(o.Id)).MinBy(o => DrawHash.AssignmentTicket(seed, enterprise.Uscc, o.Code))!;

        var viewer = new TaskViewer("officer", leaving.Id, false);
        var r = await new WithdrawMember.Handler(store.Db, store.Audit, store.Clock).HandleAsync(taskId, leaving.Id, "曾在该企业任职", true, viewer);
        Assert.True(r.IsSuccess, r.Error?.Message);
        Assert.Equal(expected.Id, r.Value.SubstituteOfficerId);

        await using (var fresh = store.Fresh())
        {
            var task = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == taskId);
            var substitute = task.ActiveMembers.Single(m => m.OfficerId == expected.Id);
            Assert.Equal((DrawHash.TicketHex(seed, 'A', enterprise.Uscc, expected.Code), (int?)leaving.Id), (substitute.Ticket!, substitute.ReplacesOfficerId));
            var entry = await fresh.AuditEntries.OrderByDescending(e => e.Seq).FirstAsync();
            Assert.Equal(("SUBSTITUTION", drawId), (entry.Type, entry.DrawId!));
            Assert.Contains("\"rule\":\"draw-seed\"", entry.Payload);
            Assert.Contains("\"substitute\":\"" + expected.Code + "\"", entry.Payload);
        }
    }
}
