using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.Tasks;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Data;

/// <summary>
/// The ListsAsArrays migration turns the ';'-joined item and department lists of an existing database into array
/// columns (JSON arrays on SQLite) and back: a database stepped down keeps its lists as text, stepped up reads them again.
/// </summary>
public sealed class ListColumnMigrationTests
{
    const string BeforeArrays = "EnterpriseRegionRiskIndex";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lists_survive_the_step_down_to_text_and_back_up_to_arrays(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int planId, taskId;
        int[] items;
        await using (var store = new Store(database))
        {
            var kit = await TaskKit.CreateAsync(store);
            var other = await store.DepartmentAsync("XPKGJ", "西平县科技和工业信息化局");
            var draws = new DrawKit(store);
            var second = await draws.ItemAsync(kit.Dept, "T-FOOD");
            items = [.. new[] { kit.Item.Id, second.Id }.Order()];
            planId = await draws.PublishedPlanAsync(DrawKit.PlanCommand(items, [other.Code, kit.Dept.Code]));
            taskId = await kit.ComplaintTaskAsync(0, 1);
        }

        await using (var db = database.CreateContext()) await db.GetService<IMigrator>().MigrateAsync(BeforeArrays);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(string.Join(';', items), await TextAsync(db, "Plans", "ItemIds", planId));
            Assert.Equal("XPKGJ;XPSCJ", await TextAsync(db, "Plans", "DepartmentCodes", planId));
            Assert.Equal(items[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                await TextAsync(db, "InspectionTasks", "ItemIds", taskId));
        }

        await using (var db = database.CreateContext()) await db.Database.MigrateAsync();
        await using (var db = database.CreateContext())
        {
            var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId);
            Assert.Equal(items, plan.ItemIds);
            Assert.Equal(["XPKGJ", "XPSCJ"], plan.DepartmentCodes);
            Assert.Equal([items[0]], (await db.InspectionTasks.AsNoTracking().SingleAsync(t => t.Id == taskId)).ItemIds);
            // The converted columns answer the array queries the draws and the data scopes use.
            Assert.Equal([planId], await db.Plans.Where(p => p.ItemIds.Contains(items[1])).Select(p => p.Id).ToListAsync());
            Assert.Equal([planId], await db.Plans.Where(p => p.DepartmentCodes.Any(c => c == "XPKGJ")).Select(p => p.Id).ToListAsync());
        }
    }

    /// <summary>The stored text of one list column (the table and column names are this test's constants).</summary>
    static async Task<string> TextAsync(DbContext db, string table, string column, int id)
    {
        var sql = "SELECT \"" + column + "\" AS \"Value\" FROM \"" + table + "\" WHERE \"Id\" = {0}";
        return (await db.Database.SqlQueryRaw<string>(sql, id).ToListAsync()).Single();
    }
}
