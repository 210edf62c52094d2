using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Statistics;

/// <summary>
/// The demo's completed 2025 (one draw of 12 targets from strata A 57, B 95, C 30, D 10 at 3/5/10/20 %, one 整改 with
/// its 复查, all 13 published on time) plus, in 2026, two 受理举报 checks of the 2025 re-checked enterprise by both
/// demo officers: the first inspected on 2026-10-09 and submitted, now past its 20-working-day deadline; the second open.
/// </summary>
sealed record StatisticsFixture(int EnterpriseId, int FirstComplaint, int SecondComplaint, int Officer1, int Officer2)
{
    public static async Task<StatisticsFixture> CreateAsync(Store store)
    {
        await DemoData.SeedAsync(store.Db, store.Audit, store.Clock);
        var db = store.Db;
        var enterpriseId = await db.InspectionTasks.Where(t => t.Source == TaskSource.Recheck).Select(t => t.EnterpriseId).SingleAsync();
        var coal = await db.InspectionItems.Where(i => i.Code == "DEMO-COAL").Select(i => i.Id).SingleAsync();
        var officers = await db.Officers.Where(o => o.Code == "XP-OFF-01" || o.Code == "XP-OFF-02").OrderBy(o => o.Code).Select(o => o.Id).ToListAsync();
        async Task<int> Complaint(string number)
        {
            var created = await new CreateTask.Handler(db, store.Audit, store.Clock).HandleAsync(new CreateTask.Command
            {
                Source = "COMPLAINT", EnterpriseId = enterpriseId, ItemIds = [coal], DueDate = new DateOnly(2026, 12, 31),
                Basis = "举报编号 " + number, OfficerIds = [.. officers],
            }, "planner");
            Assert.True(created.IsSuccess, created.Error?.Message);
            return created.Value;
        }
        var first = await Complaint("JB-2026-0001");
        var second = await Complaint("JB-2026-0002");
        var day = new DateOnly(2026, 10, 9);
        var viewer = new TaskViewer("officer", officers[0], false);
        var saved = await new SaveRecord.Handler(db, store.Audit, store.Clock).HandleAsync(first, new SaveRecord.Command
        {
            InspectedOn = day, ConcludedOn = day, Place = "企业经营场所", Methods = ["ONSITE"],
            Checklist = [new SaveRecord.Line { ItemId = coal, Compliant = true, Note = "已核查备案材料" }],
            Findings = "现场核查经营台账", Results = [RecordCodes.NoProblem], FollowUps = ["NONE_REQUIRED"],
        }, viewer);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        foreach (var officer in officers)
            Assert.True((await new ConfirmRecord.Handler(db, store.Audit, store.Clock).HandleAsync(first, new TaskViewer("o", officer, false))).IsSuccess);
        Assert.True((await new SubmitRecord.Handler(db, store.Audit, store.Clock).HandleAsync(first, viewer)).IsSuccess);
        return new StatisticsFixture(enterpriseId, first, second, officers[0], officers[1]);
    }
}

/// <summary>A fresh database of the provider holding the <see cref="StatisticsFixture"/>, and a clean context to read it.</summary>
sealed class StatisticsWorld : IAsyncDisposable
{
    TestDatabase _database = null!;
    public Store Store { get; private set; } = null!;
    public StatisticsFixture Fixture { get; private set; } = null!;
    public SpotCheck.Core.Data.AppDbContext Db { get; private set; } = null!;

    public static async Task<StatisticsWorld> CreateAsync(DbProvider provider)
    {
        var world = new StatisticsWorld { _database = await TestDatabase.CreateAsync(provider) };
        world.Store = new Store(world._database);
        world.Fixture = await StatisticsFixture.CreateAsync(world.Store);
        world.Db = world.Store.Fresh();
        return world;
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await Store.DisposeAsync();
        await _database.DisposeAsync();
    }
}
