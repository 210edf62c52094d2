using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Tasks;

public sealed class TaskAccessTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task An_officer_sees_only_tasks_of_his_own_team(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var mine = await kit.ComplaintTaskAsync(0, 1);
        var other = await kit.ComplaintTaskAsync(2, 3);

        var list = new ListTasks.Handler(store.Db);
        Assert.Equal([mine], (await list.PageAsync(kit.OfficerViewer(0), null, 1, 100)).Items.Select(t => t.Id));
        Assert.Equal([other], (await list.PageAsync(kit.OfficerViewer(3), null, 1, 100)).Items.Select(t => t.Id));
        Assert.Equal([mine, other], (await list.PageAsync(TaskKit.Planner, null, 1, 100)).Items.Select(t => t.Id).Order());
        Assert.Empty((await list.PageAsync(new TaskViewer("nobody", null, false), null, 1, 100)).Items);

        var get = new GetTask.Handler(store.Db);
        Assert.True((await get.HandleAsync(mine, kit.OfficerViewer(1))).IsSuccess);
        var denied = await get.HandleAsync(other, kit.OfficerViewer(0));
        Assert.Equal(ErrorKind.NotFound, denied.Error!.Kind);
        var save = await new SaveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(other, kit.Record(), kit.OfficerViewer(0));
        Assert.Equal(ErrorKind.NotFound, save.Error!.Kind);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_complaint_task_is_labelled_non_random_and_its_first_officer_leads(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var id = await kit.ComplaintTaskAsync(2, 0);

        await using var fresh = store.Fresh();
        var task = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == id);
        Assert.Equal((TaskSource.Complaint, false, (string?)null, (int?)null), (task.Source, task.IsRandom, task.DrawId, task.PlanId));
        Assert.Equal(kit.Officers[2].Id, task.Leader!.OfficerId);
        Assert.Equal("受理举报", TaskLabels.Of(task.Source));
        Assert.Equal("TASK_CREATED", await fresh.AuditEntries.OrderByDescending(e => e.Seq).Select(e => e.Type).FirstAsync());

        var random = await new CreateTask.Handler(store.Db, store.Audit, store.Clock).HandleAsync(new CreateTask.Command
        {
            Source = "ANNUAL_PLAN", EnterpriseId = kit.Enterprise.Id, ItemIds = [kit.Item.Id], DueDate = new DateOnly(2026, 12, 31),
            Basis = "x", OfficerIds = [kit.Officers[0].Id, kit.Officers[1].Id],
        }, "planner");
        Assert.Equal("Source", random.Error!.Field);
        var alone = await new CreateTask.Handler(store.Db, store.Audit, store.Clock).HandleAsync(new CreateTask.Command
        {
            Source = "COMPLAINT", EnterpriseId = kit.Enterprise.Id, ItemIds = [kit.Item.Id], DueDate = new DateOnly(2026, 12, 31),
            Basis = "举报", OfficerIds = [kit.Officers[0].Id],
        }, "planner");
        Assert.Equal("task.team", alone.Error!.Code);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Draw_tasks_take_the_first_officer_by_ticket_as_leader(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var plan = SpotCheck.Core.Plans.Plan.CreateDraft(new SpotCheck.Core.Plans.PlanData(2026, null, "计划", [kit.Item.Id], ["XPSCJ"], [], null,
            [SpotCheck.Core.Enterprises.EnterpriseStatus.Active], new Dictionary<SpotCheck.Core.Enterprises.RiskClass, long> { [SpotCheck.Core.Enterprises.RiskClass.B] = 50_000 },
            SpotCheck.Core.Plans.FlagPolicy.Weighted, 1, 1, 0, 365, 2, new DateOnly(2026, 12, 31)), Store.Now.UtcDateTime);
        store.Db.Plans.Add(plan);
        await store.Db.SaveChangesAsync();
        var tasks = CreateDrawTasks.Add(store.Db, plan.Id, "XP-2026-001", [kit.Item.Id], new DateOnly(2026, 12, 31),
        [
            new(kit.Enterprise.Id, 1, [new(kit.Officers[3].Id, "0a" + new string('0', 62)), new(kit.Officers[1].Id, "f0" + new string('0', 62))]),
        ]);
        await store.Db.SaveChangesAsync();

        await using var fresh = store.Fresh();
        var task = await fresh.InspectionTasks.Include(t => t.Members).SingleAsync(t => t.Id == tasks[0].Id);
        Assert.Equal((TaskSource.AnnualPlan, "XP-2026-001", 1, true), (task.Source, task.DrawId!, task.DrawRank!.Value, task.IsRandom));
        Assert.Equal(kit.Officers[3].Id, task.Leader!.OfficerId);
        Assert.Equal([kit.Officers[3].Id, kit.Officers[1].Id], task.ActiveMembers.Select(m => m.OfficerId));
    }
}
