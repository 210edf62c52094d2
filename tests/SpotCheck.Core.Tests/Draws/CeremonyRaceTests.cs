using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Draws;

/// <summary>Every ceremony step is single-winner when people act at the same moment (issue 9).</summary>
public sealed class CeremonyRaceTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Eight_simultaneous_commits_by_one_party_leave_one_commitment(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (_, drawId) = await FrozenDrawAsync(store);

        var results = await Race.RunAsync(database, store.Clock, 8, (i, db, audit) =>
            new CommitDraw.Handler(db, audit, store.Clock).HandleAsync(drawId, DrawSession.Organizer, $"organizer-secret-{i:D4}-abcdef", "planner"));

        var winners = results.Where(r => r.IsSuccess).ToList();
        Assert.Single(winners);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal((ErrorKind.Conflict, "draw.committed"), (r.Error!.Kind, r.Error.Code)));
        await using var check = store.Fresh();
        var draw = await check.DrawSessions.IgnoreAutoIncludes().SingleAsync(d => d.DrawId == drawId);
        Assert.Equal(SpotCheck.Draw.DrawHash.Commitment(drawId, DrawSession.Organizer, winners[0].Value), draw.OrganizerCommitment);
        Assert.Equal(1, await EntriesAsync(check, drawId, "COMMIT"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Both_parties_committing_at_once_both_count_and_the_draw_advances(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = new DrawKit(store);
        var (planId, drawId) = await FrozenDrawAsync(store);
        for (var round = 0; round < 5; round++)
        {
            var results = await Race.RunAsync(database, store.Clock, 2, (i, db, audit) =>
                new CommitDraw.Handler(db, audit, store.Clock).HandleAsync(drawId, DrawSession.Parties[i], null, DrawSession.Parties[i]));
            Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
            await using var check = store.Fresh();
            Assert.Equal(DrawStatus.Committed, (await check.DrawSessions.IgnoreAutoIncludes().SingleAsync(d => d.DrawId == drawId)).Status);
            Assert.Equal(2, await EntriesAsync(check, drawId, "COMMIT"));
            Assert.True((await new VoidDraw.Handler(store.Db, store.Audit, store.Clock).HandleAsync(drawId, "测试下一轮", "planner")).IsSuccess);
            store.Db.ChangeTracker.Clear();
            drawId = await kit.FreezeAsync(planId);
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Two_people_typing_the_randomness_at_once_confirm_it(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (_, drawId) = await FrozenDrawAsync(store);
        await new DrawKit(store).CommitBothAsync(drawId);

        var results = await Race.RunAsync(database, store.Clock, 2, (i, db, audit) =>
            new EnterPublicRandomness.Handler(db, audit, store.Clock).HandleAsync(drawId, DrawKit.Dice, i == 0 ? "planner" : "supervisor"));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
        Assert.Single(results, r => r.Value.Confirmed);
        await using var check = store.Fresh();
        Assert.Equal(DrawStatus.RandomnessEntered, (await check.DrawSessions.IgnoreAutoIncludes().SingleAsync(d => d.DrawId == drawId)).Status);
        Assert.Equal(1, await EntriesAsync(check, drawId, "PUBLIC_RANDOMNESS"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Simultaneous_reveals_of_both_parties_reach_revealed(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = new DrawKit(store);
        var (_, drawId) = await FrozenDrawAsync(store);
        var secrets = await kit.CommitBothAsync(drawId);
        await kit.RandomnessAsync(drawId);

        // Each party twice: the first reveal of a party wins, its double is refused.
        var results = await Race.RunAsync(database, store.Clock, 4, (i, db, audit) =>
            new RevealSecret.Handler(db, audit, store.Clock).HandleAsync(drawId, DrawSession.Parties[i % 2], secrets[DrawSession.Parties[i % 2]], "someone"));

        Assert.Equal(2, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorKind.Conflict, r.Error!.Kind));
        await using var check = store.Fresh();
        Assert.Equal(DrawStatus.Revealed, (await check.DrawSessions.IgnoreAutoIncludes().SingleAsync(d => d.DrawId == drawId)).Status);
        Assert.Equal(2, await EntriesAsync(check, drawId, "REVEAL"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Simultaneous_runs_and_publications_happen_once(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = new DrawKit(store);
        var (_, drawId) = await FrozenDrawAsync(store);
        var secrets = await kit.CommitBothAsync(drawId);
        await kit.RandomnessAsync(drawId);
        await kit.RevealBothAsync(drawId, secrets);

        var runs = await Race.RunAsync(database, store.Clock, 3, (_, db, audit) => new RunDraw.Handler(db, audit, store.Clock).HandleAsync(drawId, "planner"));
        Assert.Single(runs, r => r.IsSuccess);
        var published = await Race.RunAsync(database, store.Clock, 4, (_, db, audit) => new PublishDraw.Handler(db, audit, store.Clock).HandleAsync(drawId, "planner"));
        Assert.Single(published, r => r.IsSuccess);
        Assert.All(published.Where(r => !r.IsSuccess), r => Assert.Equal(ErrorKind.Conflict, r.Error!.Kind));

        await using var check = store.Fresh();
        Assert.Equal(1, await EntriesAsync(check, drawId, "DRAW_RESULT"));
        Assert.Equal(1, await EntriesAsync(check, drawId, "PUBLISHED"));
        Assert.Equal(runs.Single(r => r.IsSuccess).Value.Selected, await check.DrawSelections.CountAsync(s => s.DrawId == drawId));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Freezing_one_plan_at_once_opens_one_draw(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var planId = await PlanAsync(store);

        var results = await Race.RunAsync(database, store.Clock, 4, (_, db, audit) => new FreezeDraw.Handler(db, audit, store.Clock)
            .HandleAsync(new FreezeDraw.Command { PlanId = planId, RandomnessSource = "dice：现场掷骰" }, "planner"));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal((ErrorKind.Conflict, "draw.open"), (r.Error!.Kind, r.Error.Code)));
        await using var check = store.Fresh();
        Assert.Equal(1, await check.DrawSessions.CountAsync(d => d.PlanId == planId));
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Type == "INPUTS_FROZEN"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task The_database_refuses_a_second_open_draw_or_a_repeated_step(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var (planId, drawId) = await FrozenDrawAsync(store);
        await using var db = store.Fresh();
        var id = await db.DrawSessions.IgnoreAutoIncludes().Where(d => d.DrawId == drawId).Select(d => d.Id).SingleAsync();

        var secondOpen = () => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"DrawSessions\" (\"DrawId\", \"PlanId\", \"Status\", \"AsOf\", \"ManifestJson\", \"InputsHash\", \"FrameCount\", \"ExcludedCount\", " +
            "\"InspectorCount\", \"RandomnessSource\", \"SelectedCount\", \"TeamCount\", \"InfeasibleReport\", \"CreatedBy\", \"FrozenAtUtc\") " +
            "VALUES ('X-2', {0}, 'Frozen', '2026-11-26', '{{}}', 'h', 0, 0, 0, 'dice', 0, 0, '', 'x', '2026-11-26')", planId);
        await Assert.ThrowsAnyAsync<Exception>(secondOpen);
        var repeatedFreeze = () => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"DrawSteps\" (\"DrawSessionId\", \"Step\", \"Party\", \"AtUtc\") VALUES ({0}, 'FREEZE', '', '2026-11-26')", id);
        await Assert.ThrowsAnyAsync<Exception>(repeatedFreeze);
    }

    static async Task<int> EntriesAsync(SpotCheck.Core.Data.AppDbContext db, string drawId, string type) =>
        await db.AuditEntries.CountAsync(e => e.DrawId == drawId && e.Type == type);

    static async Task<int> PlanAsync(Store store)
    {
        var kit = new DrawKit(store);
        var dept = await kit.DepartmentAsync("XPKGJ", "西平县科技和工业信息化局");
        await kit.OfficerAsync(dept, "OFF-01");
        await kit.OfficerAsync(dept, "OFF-02");
        await kit.OfficerAsync(dept, "OFF-03");
        await kit.EnterprisesAsync(12);
        var item = await kit.ItemAsync(dept);
        return await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], [dept.Code], ppmB: 250_000));
    }

    static async Task<(int PlanId, string DrawId)> FrozenDrawAsync(Store store)
    {
        var planId = await PlanAsync(store);
        return (planId, await new DrawKit(store).FreezeAsync(planId));
    }
}
