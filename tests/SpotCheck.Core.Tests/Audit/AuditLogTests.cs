using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw.Audit;
using static SpotCheck.Core.Tests.Audit.AuditTestKit;

namespace SpotCheck.Core.Tests.Audit;

public sealed class AuditLogTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task First_entry_matches_the_worked_example_of_draw_spec_10_5(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await using var db = database.CreateContext();
        var payload = new JsonObject { ["item"] = "食品销售\"双随机\"抽查", ["k"] = 2 };
        var entry = await new AuditLog(db, new FakeTimeProvider(Start))
            .AppendAsync(new AuditEvent("PLAN", "organizer", payload, "EX-2026-001"));

        db.ChangeTracker.Clear();
        var stored = await db.AuditEntries.SingleAsync();
        Assert.Equal(1, stored.Seq);
        Assert.Equal("2026-03-02T01:30:00.000Z", stored.Ts);
        Assert.Equal("{\"item\":\"食品销售\\\"双随机\\\"抽查\",\"k\":2}", stored.Payload);
        Assert.Equal(LogChain.Genesis, stored.Prev);
        Assert.Equal("2a1b11ffe15b0a0ebb025a1b08bf5936e980dfafa61cb2b40de029ae86865799", stored.Hash);
        Assert.Equal(stored.Hash, entry.Hash);
    }

    /// <summary>draw-examples/17-audit-log.jsonl, appended through the platform: every stored hash must agree.</summary>
    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Appending_the_published_example_log_reproduces_its_hashes(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await using var db = database.CreateContext();
        var clock = new FakeTimeProvider();
        var log = new AuditLog(db, clock);
        foreach (var line in ExampleLog.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var o = JsonNode.Parse(line)!.AsObject();
            clock.SetUtcNow(DateTimeOffset.Parse(o["ts"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
            var entry = await log.AppendAsync(new AuditEvent(o["type"]!.GetValue<string>(), o["actor"]!.GetValue<string>(),
                o["payload"]!.AsObject().DeepClone().AsObject(), o["drawId"]?.GetValue<string>()));
            Assert.Equal(o["seq"]!.GetValue<long>(), entry.Seq);
            Assert.Equal(o["hash"]!.GetValue<string>(), entry.Hash);
        }
        Assert.Equal(new AuditHead(4, "35c396868e5462a16011d114c7acb8924f93ce8822541bc5f7ae9a4aa2c1f9b2"), await new AuditReader(db).HeadAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Entries_chain_each_prev_to_the_hash_before(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var entries = await AppendManyAsync(database, 5);

        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Seq));
        Assert.Equal(LogChain.Genesis, entries[0].Prev);
        for (var i = 1; i < entries.Count; i++) Assert.Equal(entries[i - 1].Hash, entries[i].Prev);
        Assert.Equal("2026-03-02T01:30:04.000Z", entries[4].Ts);
        var verified = await VerifyDatabaseAsync(database);
        Assert.True(verified.IsIntact, verified.ToString());
        Assert.Equal(5, verified.Count);
        Assert.Equal(entries[4].Hash, verified.Head);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Pending_changes_and_the_entry_are_saved_together(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await using (var db = database.CreateContext())
        {
            db.Users.Add(NewUser("zhang"));
            await new AuditLog(db, TimeProvider.System).AppendAsync(new AuditEvent("USER_CREATED", "admin", new JsonObject { ["user"] = "zhang" }));
        }

        await using var check = database.CreateContext();
        Assert.Equal("zhang", (await check.Users.SingleAsync()).UserName);
        Assert.Equal("USER_CREATED", (await check.AuditEntries.SingleAsync()).Type);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_failing_change_leaves_no_entry_and_no_gap(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AppendManyAsync(database, 1);

        await using var db = database.CreateContext();
        var log = new AuditLog(db, TimeProvider.System);
        db.Users.Add(NewUser("li"));
        db.Users.Add(NewUser("li")); // violates the unique user-name index
        await Assert.ThrowsAsync<DbUpdateException>(() =>
            log.AppendAsync(new AuditEvent("USER_CREATED", "admin", new JsonObject { ["user"] = "li" })));

        Assert.Equal(1, (await HeadAsync(database)).Seq);
        Assert.Equal(0, await CountAsync(database, c => c.Users));

        db.ChangeTracker.Clear();
        var next = await log.AppendAsync(new AuditEvent("USER_CREATED", "admin", new JsonObject { ["user"] = "wang" }));
        Assert.Equal(2, next.Seq);
        Assert.True((await VerifyDatabaseAsync(database)).IsIntact);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Append_joins_the_callers_transaction_and_rolls_back_with_it(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await using var db = database.CreateContext();
        var log = new AuditLog(db, TimeProvider.System);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.Users.Add(NewUser("zhao"));
            var entry = await log.AppendAsync(new AuditEvent("USER_CREATED", "admin", new JsonObject { ["user"] = "zhao" }));
            Assert.Equal(1, entry.Seq);
            Assert.Same(tx, db.Database.CurrentTransaction); // not committed on the caller's behalf
            await tx.RollbackAsync();
        }
        Assert.Equal(AuditHead.Empty, await HeadAsync(database));
        Assert.Equal(0, await CountAsync(database, c => c.Users));

        db.ChangeTracker.Clear();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.Users.Add(NewUser("zhao"));
            await log.AppendAsync(new AuditEvent("USER_CREATED", "admin", new JsonObject { ["user"] = "zhao" }));
            await log.AppendAsync(new AuditEvent("USER_ROLES_CHANGED", "admin", new JsonObject { ["user"] = "zhao" }));
            await tx.CommitAsync();
        }
        Assert.Equal(2, (await HeadAsync(database)).Seq);
        Assert.Equal(1, await CountAsync(database, c => c.Users));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_connection_the_caller_opened_stays_open(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await new AuditLog(db, TimeProvider.System).AppendAsync(Event(1));

        Assert.Equal(System.Data.ConnectionState.Open, db.Database.GetDbConnection().State);
        await db.Database.CloseConnectionAsync();
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
    }

    [SkippableTheory]
    [InlineData("item_created", "planner", null, "type")]
    [InlineData("ITEM CREATED", "planner", null, "type")]
    [InlineData("ITEM_CREATED", " ", null, "actor")]
    [InlineData("ITEM_CREATED", "planner", "bad id", "drawId")]
    public async Task Malformed_events_are_refused_and_nothing_is_stored(string type, string actor, string? drawId, string named)
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var db = database!.CreateContext();

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            new AuditLog(db, TimeProvider.System).AppendAsync(new AuditEvent(type, actor, new JsonObject { ["k"] = 1 }, drawId)));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [SkippableTheory]
    [InlineData(1.5)]
    [InlineData(9007199254740992d)]
    public async Task Payload_numbers_must_be_safe_integers(double number)
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var db = database!.CreateContext();
        db.Users.Add(NewUser("sun"));

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            new AuditLog(db, TimeProvider.System).AppendAsync(new AuditEvent("ITEM_CREATED", "planner", new JsonObject { ["ratio"] = number })));

        Assert.Contains("ratio", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database, c => c.AuditEntries));
        Assert.Equal(0, await CountAsync(database, c => c.Users));
    }

    [SkippableFact]
    public async Task Large_payloads_are_refused_in_favour_of_hashes()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var db = database!.CreateContext();
        var big = new JsonObject { ["rows"] = new string('x', AuditLog.MaxPayloadLength) };

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            new AuditLog(db, TimeProvider.System).AppendAsync(new AuditEvent("ENTERPRISE_IMPORTED", "planner", big)));

        Assert.Contains("hash", e.Message, StringComparison.Ordinal);
    }

    static AppUser NewUser(string name) => new() { UserName = name, NormalizedUserName = name.ToUpperInvariant(), SecurityStamp = name };

    const string ExampleLog = """
        {"seq": 1, "ts": "2026-03-05T01:30:00.000Z", "type": "PLAN", "drawId": "XP-2026-EX-001", "actor": "xp-organizer", "payload": {"plan": "XP-PLAN-2026-01", "item": "煤炭经营企业“双随机”检查（示例）", "ratioPpm": {"A": 30000, "D": 600000}}, "prev": "0000000000000000000000000000000000000000000000000000000000000000", "hash": "d339c12a7dd57c26dac3f2364d5c09f2ec58855ad6eeb07c69f8688e4aa21894"}
        {"seq": 2, "ts": "2026-03-05T01:35:12.250Z", "type": "INPUTS_FROZEN", "drawId": "XP-2026-EX-001", "actor": "xp-organizer", "payload": {"inputsHash": "7323a68f68c3f4ca3bafc5d93be73942b5b438d20459497c5be95892b62ea6d0", "note": "冻结名录：共60户，\"已注销\"3户不计\n第二行\t制表符"}, "prev": "d339c12a7dd57c26dac3f2364d5c09f2ec58855ad6eeb07c69f8688e4aa21894", "hash": "4cd2135ee121d4c6c67628378da696691119f28d7cae03347d9ed2093c8ed554"}
        {"seq": 3, "ts": "2026-03-05T01:36:00.000Z", "type": "COMMIT", "drawId": "XP-2026-EX-001", "actor": "xp-organizer", "payload": {"commitments": {"xp-organizer": "15b5bc6711f6e63c13f6fcb36228c3f2e25d2522dc05c9f6597d251112aea40f", "xp-witness": "2ce108144cc30931253d1ee5650f227813c0695edeb433b94486e161c66bddd7"}}, "prev": "4cd2135ee121d4c6c67628378da696691119f28d7cae03347d9ed2093c8ed554", "hash": "853b50bfc818cbbeca1f9baae6b2a8b8fed1f78b7e35290be2ccb9f3f644333a"}
        {"seq": 4, "ts": "2026-03-05T02:10:07.004Z", "type": "PUBLIC_RANDOMNESS", "drawId": "XP-2026-EX-001", "actor": "xp-witness", "payload": {"publicRandomness": "drand:60617799c1f6a55fc279d45a9fe95215d6b398b1f3ad73ec7a1a26e5243b17d5:5120731:494d7054cf6d52d7874a9df7b89436f9f63659871f268c0dd6f42f8b284808ac,dice:60221407633274961893", "readAloud": "d54a4056", "备注": "两人分别录入，一致"}, "prev": "853b50bfc818cbbeca1f9baae6b2a8b8fed1f78b7e35290be2ccb9f3f644333a", "hash": "35c396868e5462a16011d114c7acb8924f93ce8822541bc5f7ae9a4aa2c1f9b2"}
        """;
}
