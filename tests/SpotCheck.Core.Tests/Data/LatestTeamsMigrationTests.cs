using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Data;

/// <summary>
/// LatestTeamsByEnterpriseId re-keys the latest-team cache: the table comes back empty from the migration and the
/// start-up fill rebuilds exactly the rows the draws had kept.
/// </summary>
public sealed class LatestTeamsMigrationTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Latest_teams_are_rebuilt_at_start_after_the_key_changes(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var store = new Store(database))
        {
            var kit = new DrawKit(store);
            var item = await kit.MarketBureauWithTwoOfficersAsync();
            await kit.EnterprisesAsync(4);
            await kit.FullDrawAsync(await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSJJ"])));
        }
        var kept = await RowsAsync(database);
        Assert.Equal(4, kept.Count);

        await using (var db = database.CreateContext()) await db.GetService<IMigrator>().MigrateAsync("SnapshotFilesPacked");
        await using (var db = database.CreateContext()) await db.Database.MigrateAsync();
        await using (var db = database.CreateContext()) Assert.False(await db.LatestTeams.AnyAsync());

        await using (var db = database.CreateContext()) await DatabaseInitializer.InitializeAsync(db, CancellationToken.None);
        Assert.Equal(kept, await RowsAsync(database));
    }

    static async Task<List<string>> RowsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.LatestTeams.AsNoTracking().ToListAsync())
            .Select(t => $"{t.EnterpriseId} {t.Uscc} {t.DrawId} {t.SelectedOn:yyyy-MM-dd} {t.Team}").Order(StringComparer.Ordinal).ToList();
    }
}
