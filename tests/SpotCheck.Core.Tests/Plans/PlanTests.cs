using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Plans;

public sealed class PlanTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_published_plan_is_public_audited_and_frozen_against_edits(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = new DrawKit(store);
        var dept = await kit.DepartmentAsync("XPSJJ", "西平县市场监督管理局");
        var item = await kit.ItemAsync(dept);

        var id = await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSJJ"]));
        var edit = DrawKit.PlanCommand([item.Id], ["XPSJJ"]);
        edit.Id = id;
        var refused = await new SavePlan.Handler(store.Db, store.Audit, store.Clock).HandleAsync(edit, "planner");

        Assert.Equal("plan.not_draft", refused.Error?.Code);
        await using var fresh = store.Fresh();
        Assert.Equal(PlanState.Published, (await fresh.Plans.SingleAsync()).State);
        Assert.Single(await new ListPlans.Handler(fresh).HandleAsync(publicOnly: true));
        var types = await fresh.AuditEntries.OrderBy(e => e.Seq).Select(e => e.Type).ToListAsync();
        Assert.Equal(["PLAN_CREATED", "PLAN"], types);
    }

    public static TheoryData<string, string> InvalidPlans => new()
    {
        { "team", "TeamSize" },
        { "ppm", "RatioPpm" },
        { "risk", "RatioPpm" },
        { "name", "Name" },
        { "dept", "DepartmentCodes" },
        { "item", "ItemIds" },
        { "end", "EndDate" },
        { "window", "WindowDays" },
    };

    [SkippableTheory, MemberData(nameof(InvalidPlans))]
    public async Task Invalid_plans_name_the_field_and_save_nothing(string problem, string field)
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        var kit = new DrawKit(store);
        var a = await kit.DepartmentAsync("XPSJJ", "西平县市场监督管理局");
        await kit.DepartmentAsync("XPNYJ", "西平县农业农村局");
        await kit.DepartmentAsync("XPWJW", "西平县卫生健康委员会");
        var item = await kit.ItemAsync(a);
        var cmd = DrawKit.PlanCommand([item.Id], ["XPSJJ"]);
        switch (problem)
        {
            case "team": cmd.DepartmentCodes = ["XPSJJ", "XPNYJ", "XPWJW"]; cmd.TeamSize = 2; break;
            case "ppm": cmd.RatioPpm["B"] = 1_000_001; break;
            case "risk": cmd.RatioPpm["E"] = 5; break;
            case "name": cmd.Name = "  "; break;
            case "dept": cmd.DepartmentCodes = ["NOPE"]; break;
            case "item": cmd.ItemIds = [item.Id + 100]; break;
            case "end": cmd.EndDate = new DateOnly(2027, 1, 1); break;
            case "window": cmd.WindowDays = -1; break;
        }

        var r = await new SavePlan.Handler(store.Db, store.Audit, store.Clock).HandleAsync(cmd, "planner");

        Assert.Equal(field, r.Error?.Field);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r.Error!.Message);
        await using var fresh = store.Fresh();
        Assert.Equal(0, await fresh.Plans.CountAsync());
    }

    [SkippableFact]
    public async Task Joint_plan_needs_one_seat_per_department()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        var kit = new DrawKit(store);
        var a = await kit.DepartmentAsync("XPSJJ", "西平县市场监督管理局");
        await kit.DepartmentAsync("XPNYJ", "西平县农业农村局");
        await kit.DepartmentAsync("XPWJW", "西平县卫生健康委员会");
        var item = await kit.ItemAsync(a);
        var cmd = DrawKit.PlanCommand([item.Id], ["XPWJW", "XPSJJ", "XPNYJ"], teamSize: 3);

        var id = (await new SavePlan.Handler(store.Db, store.Audit, store.Clock).HandleAsync(cmd, "planner")).Value;

        await using var fresh = store.Fresh();
        Assert.Equal(["XPNYJ", "XPSJJ", "XPWJW"], (await fresh.Plans.SingleAsync(p => p.Id == id)).DepartmentCodeList);
    }
}
