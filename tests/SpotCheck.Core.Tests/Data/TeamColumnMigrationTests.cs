using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Data;

/// <summary>
/// The DrawSelectionTeamArray migration turns the ';'-joined teams of a database's draw selections into an array column
/// (a JSON array on SQLite) and back: stepped down, a team is text again; stepped up, the array answers the queries the
/// supplementary draws and the fairness statistics use.
/// </summary>
public sealed class TeamColumnMigrationTests
{
    const string BeforeArrays = "ExportJobs";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Teams_survive_the_step_down_to_text_and_back_up_to_arrays(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long staffedId, unstaffedId;
        await using (var store = new Store(database))
        {
            var kit = new DrawKit(store);
            var item = await kit.MarketBureauWithTwoOfficersAsync();
            var planId = await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSJJ"]));
            var enterprises = await kit.EnterprisesAsync(2);
            var on = new DateOnly(2026, 3, 2);
            var staffed = new DrawSelection("2026-P1-01", planId, enterprises[0].Id, enterprises[0].Uscc, 1, "B", on, ["INS-01", "INS-02"], false);
            var unstaffed = new DrawSelection("2026-P1-01", planId, enterprises[1].Id, enterprises[1].Uscc, 2, "B", on, [], false);
            store.Db.DrawSelections.AddRange(staffed, unstaffed);
            await store.Db.SaveChangesAsync();
            (staffedId, unstaffedId) = (staffed.Id, unstaffed.Id);
        }

        await using (var db = database.CreateContext()) await db.GetService<IMigrator>().MigrateAsync(BeforeArrays);
        await using (var db = database.CreateContext())
        {
            Assert.Equal("INS-01;INS-02", await TeamTextAsync(db, staffedId));
            Assert.Equal("", await TeamTextAsync(db, unstaffedId));
        }

        await using (var db = database.CreateContext()) await db.Database.MigrateAsync();
        await using (var db = database.CreateContext())
        {
            Assert.Equal(["INS-01", "INS-02"], (await db.DrawSelections.AsNoTracking().SingleAsync(s => s.Id == staffedId)).Team);
            Assert.Equal([unstaffedId], await db.DrawSelections.Where(s => s.Team.Length == 0).Select(s => s.Id).ToListAsync());
            var teams = await db.DrawSelections.GroupBy(s => s.Team).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
            Assert.Equal(2, teams.Count);
            Assert.Contains(teams, t => t.Key.SequenceEqual(["INS-01", "INS-02"]) && t.N == 1);
        }
    }

    static async Task<string> TeamTextAsync(DbContext db, long id) =>
        (await db.Database.SqlQueryRaw<string>("SELECT \"Team\" AS \"Value\" FROM \"DrawSelections\" WHERE \"Id\" = {0}", id).ToListAsync()).Single();
}
