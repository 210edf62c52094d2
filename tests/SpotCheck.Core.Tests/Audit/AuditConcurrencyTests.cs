using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Tests.TestSupport;
using static SpotCheck.Core.Tests.Audit.AuditTestKit;

namespace SpotCheck.Core.Tests.Audit;

public sealed class AuditConcurrencyTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    const int PerWriter = 1000;

    /// <summary>Two app instances on one database (separate connections, in parallel) never fork the chain.</summary>
    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Two_writers_appending_in_parallel_build_one_chain(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        using var go = new ManualResetEventSlim();
        var writers = new[] { "instance-a", "instance-b" }.Select(actor => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            var log = new AuditLog(db, TimeProvider.System);
            go.Wait();
            for (var i = 1; i <= PerWriter; i++)
            {
                await log.AppendAsync(Event(i) with { Actor = actor });
                // An app does other work between appends; without a pause a fast SQLite writer can re-take the lock
                // before the other's busy handler wakes, and the run proves nothing about contention.
                if (i % 10 == 0) await Task.Delay(1);
            }
        })).ToArray();
        go.Set();
        await Task.WhenAll(writers);

        var verified = await VerifyDatabaseAsync(database);
        Assert.True(verified.IsIntact, verified.ToString());
        Assert.Equal(2 * PerWriter, verified.Count);
        Assert.Equal(new AuditHead(2 * PerWriter, verified.Head), await HeadAsync(database));
        await using var check = database.CreateContext();
        var perActor = await check.AuditEntries.GroupBy(e => e.Actor).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.All(perActor, g => Assert.Equal(PerWriter, g.Count));
        Assert.Equal(2, perActor.Count);
        // Interleaved, not one writer after the other: the lock was contended.
        var order = await check.AuditEntries.OrderBy(e => e.Seq).Select(e => e.Actor).ToListAsync();
        Assert.True(order.Zip(order.Skip(1)).Count(p => p.First != p.Second) > 1, "the writers did not overlap");
    }
}
