using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tests.TestSupport;
using static SpotCheck.Core.Tests.Audit.AuditTestKit;

namespace SpotCheck.Core.Tests.Audit;

public sealed class AuditTriggerTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Update_is_rejected_by_the_database(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var entries = await AppendManyAsync(database, 2);

        var e = await Assert.ThrowsAnyAsync<Exception>(() =>
            ExecuteAsync(database, "UPDATE \"AuditEntries\" SET \"Payload\" = '{\"n\":99}' WHERE \"Seq\" = 1"));

        Assert.Contains(AuditTriggers.Message, e.Message, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(entries[0].Payload, (await db.AuditEntries.SingleAsync(x => x.Seq == 1)).Payload);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Delete_is_rejected_by_the_database(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AppendManyAsync(database, 2);

        var one = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteAsync(database, "DELETE FROM \"AuditEntries\" WHERE \"Seq\" = 2"));
        var all = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteAsync(database, "DELETE FROM \"AuditEntries\""));

        Assert.Contains(AuditTriggers.Message, one.Message, StringComparison.Ordinal);
        Assert.Contains(AuditTriggers.Message, all.Message, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync(database, c => c.AuditEntries));
    }

    [SkippableFact]
    public async Task Truncate_is_rejected_on_postgres()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await AppendManyAsync(database, 1);

        var e = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteAsync(database, "TRUNCATE \"AuditEntries\""));

        Assert.Contains(AuditTriggers.Message, e.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(database, c => c.AuditEntries));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Start_up_is_idempotent_and_restores_dropped_triggers(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AppendManyAsync(database, 1);
        await DropTriggersAsync(database);

        await using (var db = database.CreateContext())
        {
            await DatabaseInitializer.InitializeAsync(db, CancellationToken.None);
            await DatabaseInitializer.InitializeAsync(db, CancellationToken.None);
        }

        var e = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteAsync(database, "DELETE FROM \"AuditEntries\""));
        Assert.Contains(AuditTriggers.Message, e.Message, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Seq_and_hash_are_unique(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = (await AppendManyAsync(database, 1))[0];

        await using var db = database.CreateContext();
        db.AuditEntries.Add(new AuditEntry
        {
            Seq = 2, Ts = first.Ts, Type = first.Type, Actor = first.Actor, Payload = first.Payload, Prev = first.Hash, Hash = first.Hash,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        db.AuditEntries.Add(new AuditEntry
        {
            Seq = 1, Ts = first.Ts, Type = first.Type, Actor = first.Actor, Payload = first.Payload, Prev = first.Hash,
            Hash = new string('a', 64),
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
