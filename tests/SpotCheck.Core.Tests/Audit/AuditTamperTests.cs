using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw.Audit;
using static SpotCheck.Core.Tests.Audit.AuditTestKit;

namespace SpotCheck.Core.Tests.Audit;

/// <summary>
/// Tampering by someone who can drop the triggers: start-up verification over the database and
/// <c>audit verify</c> over an export must both name the first broken seq.
/// </summary>
public sealed class AuditTamperTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task An_edited_payload_is_detected(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var entries = await AppendManyAsync(database, 5);
        await DropTriggersAsync(database);

        var edited = entries[2].Payload.Replace("\"n\":3", "\"n\":4", StringComparison.Ordinal);
        Assert.NotEqual(entries[2].Payload, edited);
        Assert.Equal(1, await ExecuteAsync(database, $"UPDATE \"AuditEntries\" SET \"Payload\" = '{edited}' WHERE \"Seq\" = 3"));

        await AssertBrokenAtAsync(database, 3, "hash mismatch");
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task An_edited_payload_with_its_hash_recomputed_is_detected_at_the_next_entry(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var entries = await AppendManyAsync(database, 5);
        await DropTriggersAsync(database);

        var forged = entries[2].ToLogEntry();
        forged = forged with { Payload = new System.Text.Json.Nodes.JsonObject { ["n"] = 4 } };
        var forgedHash = LogChain.ComputeHash(forged);
        await ExecuteAsync(database,
            $"UPDATE \"AuditEntries\" SET \"Payload\" = '{{\"n\":4}}', \"Hash\" = '{forgedHash}' WHERE \"Seq\" = 3");

        await AssertBrokenAtAsync(database, 4, "prev mismatch");
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_deleted_entry_is_detected(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AppendManyAsync(database, 5);
        await DropTriggersAsync(database);

        Assert.Equal(1, await ExecuteAsync(database, "DELETE FROM \"AuditEntries\" WHERE \"Seq\" = 3"));

        await AssertBrokenAtAsync(database, 3, "seq gap");
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Reordered_entries_are_detected(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AppendManyAsync(database, 5);
        await DropTriggersAsync(database);

        // Swap the positions of entries 2 and 3.
        await ExecuteAsync(database, "UPDATE \"AuditEntries\" SET \"Seq\" = -2 WHERE \"Seq\" = 2");
        await ExecuteAsync(database, "UPDATE \"AuditEntries\" SET \"Seq\" = 2 WHERE \"Seq\" = 3");
        await ExecuteAsync(database, "UPDATE \"AuditEntries\" SET \"Seq\" = 3 WHERE \"Seq\" = -2");

        await AssertBrokenAtAsync(database, 2, "prev mismatch");
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_truncated_tail_is_not_a_break_but_moves_the_head(DbProvider provider)
    {
        // Why anchoring exists (draw-spec §7.5): only a published head shows that the newest entries went missing.
        await using var database = await TestDatabase.CreateAsync(provider);
        var entries = await AppendManyAsync(database, 5);
        await DropTriggersAsync(database);

        await ExecuteAsync(database, "DELETE FROM \"AuditEntries\" WHERE \"Seq\" = 5");

        var verified = await VerifyDatabaseAsync(database);
        Assert.True(verified.IsIntact);
        Assert.Equal(entries[3].Hash, verified.Head);
        Assert.NotEqual(entries[4].Hash, verified.Head);
    }

    [SkippableFact]
    public async Task Reordered_lines_of_an_export_are_detected()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await AppendManyAsync(database!, 4);
        var lines = (await ExportAsync(database!)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var reordered = string.Join('\n', lines[0], lines[2], lines[1], lines[3]);

        var result = VerifyFile(reordered);
        Assert.Equal(2, result.Break?.Seq);
        Assert.StartsWith("BROKEN at seq 2:", result.ToString(), StringComparison.Ordinal);
    }

    static async Task AssertBrokenAtAsync(TestDatabase database, long seq, string reason)
    {
        await using (var db = database.CreateContext())
        {
            var fromDatabase = await AuditChainVerifier.VerifyAsync(db, CancellationToken.None, pageSize: 2);
            Assert.Equal(seq, fromDatabase.Break?.Seq);
            Assert.Contains(reason, fromDatabase.Break!.Reason, StringComparison.Ordinal);
            // Stopping early must not leave a page query running on the context ("a second operation was started").
            await new AuditReader(db).ListAsync(new AuditQuery());
        }

        var fromFile = VerifyFile(await ExportAsync(database, pageSize: 2));
        Assert.Equal(seq, fromFile.Break?.Seq);

        await using var context = database.CreateContext();
        var startUp = await Assert.ThrowsAsync<AuditChainBrokenException>(() => DatabaseInitializer.InitializeAsync(context, CancellationToken.None));
        Assert.Equal(seq, startUp.Seq);
        Assert.Contains($"seq {seq}", startUp.Message, StringComparison.Ordinal);
        Assert.Contains(reason, startUp.Message, StringComparison.Ordinal);
    }
}
