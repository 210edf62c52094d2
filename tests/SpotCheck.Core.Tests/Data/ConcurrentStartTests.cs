using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Data;

/// <summary>Several instances starting at the same moment on one empty database: each migrates or waits, none fails.</summary>
public sealed class ConcurrentStartTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Instances_preparing_one_empty_database_at_once_all_start_on_one_schema(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);

        var started = await Race.RunAsync(database, new FakeTimeProvider(), 3, async (_, db, _) =>
        {
            await DatabaseInitializer.PrepareSchemaAsync(db, CancellationToken.None);
            return true;
        });

        Assert.All(started, Assert.True);
        await using var check = database.CreateContext();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        Assert.Equal(check.Database.GetMigrations().Count(), (await check.Database.GetAppliedMigrationsAsync()).Count());
    }
}
