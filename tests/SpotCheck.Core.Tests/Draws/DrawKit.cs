using System.Globalization;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Tests.Data;

namespace SpotCheck.Core.Tests.Draws;

/// <summary>Directory data and a published plan on a real database, plus the ceremony steps as the pages run them.</summary>
sealed class DrawKit(Store store)
{
    public const string Dice = "dice:31415926535897932384626433";
    public Store Store { get; } = store;

    public async Task<Department> DepartmentAsync(string code, string name) => await Store.DepartmentAsync(code, name);

    public async Task<Officer> OfficerAsync(Department dept, string code, bool active = true, int cap = 50)
    {
        var o = Officer.Create(new OfficerData(code, "人员" + code, dept.Id, "CERT" + code, new DateOnly(2030, 12, 31), [], active, cap), Store.Now.UtcDateTime);
        Store.Db.Officers.Add(o);
        await Store.Db.SaveChangesAsync();
        return o;
    }

    /// <param name="id">The first row's id, when a test needs ids far apart (the others follow it).</param>
    public async Task<List<Enterprise>> EnterprisesAsync(int count, RiskClass risk = RiskClass.B, EnterpriseStatus status = EnterpriseStatus.Active,
        int serialFrom = 1, int? id = null)
    {
        var list = new List<Enterprise>();
        for (var i = 0; i < count; i++)
        {
            var serial = (serialFrom + i).ToString("D6", CultureInfo.InvariantCulture);
            var uscc = Uscc.Compose("91", "411721", "TE" + serial).Value;
            var e = Enterprise.Create(new EnterpriseData("测试企业" + serial, uscc, "411721", "西平县", ["食品"], risk, false, false, status, null, null),
                Store.Now.UtcDateTime);
            list.Add(e);
            Store.Db.Enterprises.Add(e);
            if (id is { } first) Store.Db.Entry(e).Property(x => x.Id).CurrentValue = first + i;
        }
        await Store.Db.SaveChangesAsync();
        return list;
    }

    /// <summary>西平县市场监督管理局 (XPSJJ) with two officers and its published item: the smallest department a plan can draw for.</summary>
    public async Task<InspectionItem> MarketBureauWithTwoOfficersAsync()
    {
        var dept = await DepartmentAsync("XPSJJ", "西平县市场监督管理局");
        await OfficerAsync(dept, "INS-0001");
        await OfficerAsync(dept, "INS-0002");
        return await ItemAsync(dept);
    }

    public async Task<InspectionItem> ItemAsync(Department dept, string code = "T-FOOD")
    {
        var item = InspectionItem.CreateDraft(code, new ItemData("食品销售", "西平县市场监督管理局", "《食品安全法》", dept.Id, TargetType.Enterprise,
            "经营许可", ["ONSITE"], ItemCategory.General, "5%", new DateOnly(2026, 1, 1)), Store.Now.UtcDateTime);
        item.Publish(null, Store.Now.UtcDateTime);
        Store.Db.InspectionItems.Add(item);
        await Store.Db.SaveChangesAsync();
        return item;
    }

    public static SavePlan.Command PlanCommand(IReadOnlyList<int> items, IReadOnlyList<string> departments, long ppmB = 1_000_000, int teamSize = 2, int windowDays = 365) => new()
    {
        Year = 2026, Name = "2026年食品销售双随机抽查", ItemIds = [.. items], DepartmentCodes = [.. departments],
        RatioPpm = new() { ["B"] = ppmB }, TeamSize = teamSize, WindowDays = windowDays, EndDate = new DateOnly(2026, 12, 31),
    };

    public async Task<int> PublishedPlanAsync(SavePlan.Command cmd)
    {
        var id = (await new SavePlan.Handler(Store.Db, Store.Audit, Store.Clock).HandleAsync(cmd, "planner")).Value;
        Assert.True((await new PublishPlan.Handler(Store.Db, Store.Audit, Store.Clock).HandleAsync(id, "planner")).IsSuccess);
        return id;
    }

    public async Task<string> FreezeAsync(int planId, int yearlyCap = 1, string? supplementOf = null)
    {
        var r = await new FreezeDraw.Handler(Store.Db, Store.Audit, Store.Clock).HandleAsync(
            new FreezeDraw.Command { PlanId = planId, RandomnessSource = "dice：两名人员现场掷骰", YearlyCap = yearlyCap, SupplementOf = supplementOf }, "planner");
        Assert.True(r.IsSuccess, r.Error?.Message);
        return r.Value;
    }

    /// <summary>Freeze → commit (both parties) → randomness (two people) → reveal (both) → run.</summary>
    public async Task<(string DrawId, RunDraw.Outcome Outcome)> FullDrawAsync(int planId, int yearlyCap = 1, string? supplementOf = null)
    {
        var drawId = await FreezeAsync(planId, yearlyCap, supplementOf);
        var secrets = await CommitBothAsync(drawId);
        await RandomnessAsync(drawId);
        await RevealBothAsync(drawId, secrets);
        var run = await new RunDraw.Handler(Store.Db, Store.Audit, Store.Clock).HandleAsync(drawId, "planner");
        Assert.True(run.IsSuccess, run.Error?.Message);
        return (drawId, run.Value);
    }

    public async Task<Dictionary<string, string>> CommitBothAsync(string drawId)
    {
        var commit = new CommitDraw.Handler(Store.Db, Store.Audit, Store.Clock);
        var a = await commit.HandleAsync(drawId, DrawSession.Organizer, null, "planner");
        var b = await commit.HandleAsync(drawId, DrawSession.Supervisor, "supervisor-secret-0123456789", "supervisor");
        Assert.True(a.IsSuccess && b.IsSuccess);
        return new() { [DrawSession.Organizer] = a.Value, [DrawSession.Supervisor] = b.Value };
    }

    public async Task RandomnessAsync(string drawId)
    {
        Store.Clock.Advance(TimeSpan.FromMinutes(5)); // the beacon value appears after the commitments
        var enter = new EnterPublicRandomness.Handler(Store.Db, Store.Audit, Store.Clock);
        Assert.False((await enter.HandleAsync(drawId, Dice, "planner")).Value.Confirmed);
        Assert.True((await enter.HandleAsync(drawId, Dice, "supervisor")).Value.Confirmed);
    }

    public async Task RevealBothAsync(string drawId, Dictionary<string, string> secrets)
    {
        var reveal = new RevealSecret.Handler(Store.Db, Store.Audit, Store.Clock);
        foreach (var (party, secret) in secrets) Assert.True((await reveal.HandleAsync(drawId, party, secret, party)).IsSuccess);
    }
}
