using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw.Audit;
using static SpotCheck.Core.Tests.Audit.AuditTestKit;

namespace SpotCheck.Core.Tests.Audit;

/// <summary>
/// Someone with database rights edits the log between two ceremony steps: the guard refuses the next step, start-up
/// refuses to run, and an export checked against an earlier signed anchor names the rollback or the rewrite.
/// </summary>
public sealed class AuditGuardTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_payload_edited_after_the_checkpoint_is_refused_at_the_next_step_and_at_start_up(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Skip.If(database is null, "PostgreSQL is not configured (TEST_PG_CONNECTION)");
        await using var store = new Store(database);
        var (_, drawId) = await FrozenDrawAsync(store);
        var commit = new CommitDraw.Handler(store.Db, store.Audit, store.Clock);
        Assert.True((await commit.HandleAsync(drawId, DrawSession.Organizer, null, "planner")).IsSuccess);
        var commitSeq = (await HeadAsync(database)).Seq;
        await DropTriggersAsync(database);

        await ExecuteAsync(database, $"UPDATE \"AuditEntries\" SET \"Payload\" = REPLACE(\"Payload\", '\"party\":\"organizer\"', '\"party\":\"witness\"') WHERE \"Seq\" = {commitSeq}");

        var refused = await commit.HandleAsync(drawId, DrawSession.Supervisor, "supervisor-secret-0123456789", "supervisor");
        AssertChainBroken(refused);
        Assert.Equal(commitSeq, (await HeadAsync(database)).Seq);
        await using (var fresh = store.Fresh())
            Assert.Equal(DrawStatus.Frozen, (await fresh.DrawSessions.SingleAsync(d => d.DrawId == drawId)).Status);
        var startUp = await StartUpFailureAsync(database);
        Assert.Equal(commitSeq, startUp.Seq);
        Assert.Contains("hash mismatch", startUp.Reason, StringComparison.Ordinal);
        Assert.Equal(commitSeq, VerifyFile(await ExportAsync(database)).Break?.Seq);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_deleted_last_entry_is_refused_at_the_next_step_at_start_up_and_against_the_anchor(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Skip.If(database is null, "PostgreSQL is not configured (TEST_PG_CONNECTION)");
        await using var store = new Store(database);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (drawId, commit, head, anchor) = await CheckpointedAndAnchoredAsync(database, store, key);

        Assert.Equal(1, await ExecuteAsync(database, $"DELETE FROM \"AuditEntries\" WHERE \"Seq\" = {head.Seq}"));

        AssertChainBroken(await commit.HandleAsync(drawId, DrawSession.Supervisor, "supervisor-secret-0123456789", "supervisor"));
        var startUp = await StartUpFailureAsync(database);
        Assert.Equal(head.Seq, startUp.Seq);
        Assert.Contains("below the verified checkpoint", startUp.Reason, StringComparison.Ordinal);
        var export = await ExportAsync(database);
        Assert.True(VerifyFile(export).IsIntact); // the chain alone cannot show a missing tail (draw-spec §7.5)
        var checkedAgainstAnchor = AnchorVerification.Verify(new StringReader(export), [new("head.json", anchor)], key);
        Assert.Equal($"BROKEN anchor head.json: anchored seq {head.Seq} is missing, the log ends at seq {head.Seq - 1} (rolled back)",
            checkedAgainstAnchor.AnchorFailure);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_rewritten_chain_with_every_hash_recomputed_is_refused_at_the_next_step_at_start_up_and_against_the_anchor(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Skip.If(database is null, "PostgreSQL is not configured (TEST_PG_CONNECTION)");
        await using var store = new Store(database);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (drawId, commit, head, anchor) = await CheckpointedAndAnchoredAsync(database, store, key);

        await RewriteChainAsync(database, head.Seq, p => p["party"] = "witness");

        AssertChainBroken(await commit.HandleAsync(drawId, DrawSession.Supervisor, "supervisor-secret-0123456789", "supervisor"));
        var startUp = await StartUpFailureAsync(database);
        Assert.Contains("checkpoint mismatch", startUp.Reason, StringComparison.Ordinal);
        var export = await ExportAsync(database);
        Assert.True(VerifyFile(export).IsIntact); // a consistent forgery, except against what was anchored
        var rewritten = (await HeadAsync(database)).Hash;
        var checkedAgainstAnchor = AnchorVerification.Verify(new StringReader(export), [new("head.json", anchor)], key);
        Assert.Equal($"BROKEN anchor head.json: seq {head.Seq} has hash {rewritten} in the log but {head.Hash} was anchored at {anchor.At} (rewritten)",
            checkedAgainstAnchor.AnchorFailure);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Verification_starts_at_the_last_checkpoint_and_rehashes_the_checkpoint_entry(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Skip.If(database is null, "PostgreSQL is not configured (TEST_PG_CONNECTION)");
        var entries = await AppendManyAsync(database, 5);
        await using (var db = database.CreateContext())
            Assert.Equal(5, (await AuditChainVerifier.EnsureIntactAsync(db, TimeProvider.System, CancellationToken.None)).Count);
        await AppendManyAsync(database, 2);
        await DropTriggersAsync(database);

        // Entry 2 lies before the checkpoint: only a full walk (an export with audit verify) re-hashes it.
        await ExecuteAsync(database, "UPDATE \"AuditEntries\" SET \"Payload\" = REPLACE(\"Payload\", '\"n\":2', '\"n\":9') WHERE \"Seq\" = 2");
        await using (var db = database.CreateContext())
        {
            var since = await AuditChainVerifier.VerifySinceCheckpointAsync(db, CancellationToken.None);
            Assert.True(since.IsIntact);
            Assert.Equal(7, since.Count);
            Assert.Equal(2, (await AuditChainVerifier.VerifyAsync(db, CancellationToken.None)).Break?.Seq);
        }

        await ExecuteAsync(database, "UPDATE \"AuditEntries\" SET \"Payload\" = REPLACE(\"Payload\", '\"n\":5', '\"n\":9') WHERE \"Seq\" = 5");
        await using (var db = database.CreateContext())
        {
            var since = await AuditChainVerifier.VerifySinceCheckpointAsync(db, CancellationToken.None);
            Assert.Equal(5, since.Break?.Seq);
            Assert.Contains("hash mismatch", since.Break!.Reason, StringComparison.Ordinal);
        }
        Assert.Equal(entries[4].Hash, (await CheckpointAsync(database))!.Hash);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Two_verifiers_recording_the_same_checkpoint_both_succeed(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Skip.If(database is null, "PostgreSQL is not configured (TEST_PG_CONNECTION)");
        await AppendManyAsync(database, 3);
        await using var a = database.CreateContext();
        await using var b = database.CreateContext();

        await Task.WhenAll(
            AuditChainVerifier.EnsureIntactAsync(a, TimeProvider.System, CancellationToken.None),
            AuditChainVerifier.EnsureIntactAsync(b, TimeProvider.System, CancellationToken.None));

        Assert.Equal(3, (await CheckpointAsync(database))!.Seq);
    }

    static void AssertChainBroken(Result result)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(AuditChainGuard.BrokenCode, result.Error!.Code);
        Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
        Assert.Contains("审计日志哈希链校验未通过", result.Error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A frozen draw with the organiser's commitment; the periodic check has moved the checkpoint to the head, which is
    /// anchored with <paramref name="key"/>; then the triggers are dropped.
    /// </summary>
    static async Task<(string DrawId, CommitDraw.Handler Commit, AuditHead Head, AuditAnchor Anchor)> CheckpointedAndAnchoredAsync(
        TestDatabase database, Store store, ECDsa key)
    {
        var (_, drawId) = await FrozenDrawAsync(store);
        var commit = new CommitDraw.Handler(store.Db, store.Audit, store.Clock);
        Assert.True((await commit.HandleAsync(drawId, DrawSession.Organizer, null, "planner")).IsSuccess);
        Assert.True((await store.Audit.EnsureChainIntactAsync()).IsSuccess);
        var head = await HeadAsync(database);
        var anchor = AuditAnchor.Sign(head, store.Clock.GetUtcNow(), key);
        await DropTriggersAsync(database);
        return (drawId, commit, head, anchor);
    }

    static async Task<(DrawKit Kit, string DrawId)> FrozenDrawAsync(Store store)
    {
        var kit = new DrawKit(store);
        var dept = await kit.DepartmentAsync("XPSJJ", "西平县市场监督管理局");
        for (var i = 1; i <= 2; i++) await kit.OfficerAsync(dept, $"INS-{i:D4}");
        var item = await kit.ItemAsync(dept);
        await kit.EnterprisesAsync(3);
        var planId = await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSJJ"]));
        return (kit, await kit.FreezeAsync(planId));
    }

    static async Task<AuditChainBrokenException> StartUpFailureAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await Assert.ThrowsAsync<AuditChainBrokenException>(() => DatabaseInitializer.InitializeAsync(db, CancellationToken.None));
    }

    static async Task<AuditCheckpoint?> CheckpointAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await AuditChainVerifier.LastCheckpointAsync(db, CancellationToken.None);
    }

    /// <summary>What an administrator who wants a different history does: edit one payload, then recompute every hash after it.</summary>
    static async Task RewriteChainAsync(TestDatabase database, long seq, Action<JsonObject> edit)
    {
        List<AuditEntry> entries;
        await using (var db = database.CreateContext())
            entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
        var prev = LogChain.Genesis;
        await using var context = database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entry in entries)
        {
            var log = entry.ToLogEntry();
            if (entry.Seq == seq) edit(log.Payload);
            log = log with { Prev = prev };
            log = log with { Hash = LogChain.ComputeHash(log) };
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE \"AuditEntries\" SET \"Payload\" = @p, \"Prev\" = @prev, \"Hash\" = @hash WHERE \"Seq\" = @seq";
            foreach (var (name, value) in new (string, object)[] { ("@p", Draw.Json.Jcs.Serialize(log.Payload)), ("@prev", log.Prev), ("@hash", log.Hash), ("@seq", entry.Seq) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
            prev = log.Hash;
        }
    }
}
