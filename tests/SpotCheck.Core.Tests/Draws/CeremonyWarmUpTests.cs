using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Draws;

/// <summary>The freeze warm-up a server runs after its start reads the directory as a freeze would and stores nothing.</summary>
public sealed class CeremonyWarmUpTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Warm_up_leaves_every_table_as_it_was_and_the_next_freeze_unchanged(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = new DrawKit(store);
        var item = await kit.MarketBureauWithTwoOfficersAsync();
        await kit.EnterprisesAsync(5);
        var planId = await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSJJ"], ppmB: 500_000));
        var before = await CountsAsync(store.Fresh());

        await CeremonyWarmUp.RunAsync(store.Db, store.Clock, CancellationToken.None);

        Assert.Equal(before, await CountsAsync(store.Fresh()));
        Assert.Empty(store.Db.ChangeTracker.Entries());
        var drawId = await kit.FreezeAsync(planId);
        await using var fresh = store.Fresh();
        var draw = await fresh.DrawSessions.AsNoTracking().SingleAsync();
        Assert.Equal(drawId, draw.DrawId);
        Assert.Equal(5, draw.FrameCount);
        Assert.Equal("B=5", draw.FrameStrata);
    }

    static async Task<string> CountsAsync(SpotCheck.Core.Data.AppDbContext db)
    {
        await using (db)
            return string.Join(" ", await db.DrawSessions.CountAsync(), await db.DrawSelections.CountAsync(), await db.AuditEntries.CountAsync(),
                await db.Plans.IgnoreQueryFilters().CountAsync(), await db.InspectionTasks.IgnoreQueryFilters().CountAsync());
    }
}
