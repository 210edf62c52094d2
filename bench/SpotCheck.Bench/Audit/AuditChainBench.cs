using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Audit;
using SpotCheck.Draw.Json;
using SpotCheck.Migrations.Sqlite;

namespace SpotCheck.Bench.Audit;

/// <summary>
/// Start-up verification of a long audit chain in SQLite: a chain of N valid entries is written in one transaction,
/// then the full walk from seq 1 (what every start and CLI command did before checkpoints) is timed against the
/// start-up path with a checkpoint at the head plus 1,000 new entries (what they do now).
/// </summary>
static class AuditChainBench
{
    public const string Usage = "audit-verify DATA_DIR [ENTRIES=1000000]";

    public static async Task<int> RunAsync(string dataDir, int entries)
    {
        Directory.CreateDirectory(dataDir);
        var options = SqliteDatabase.Configure(new DbContextOptionsBuilder<AppDbContext>(), SqliteDatabase.ConnectionStringFor(dataDir)).Options;
        await using (var db = new AppDbContext((DbContextOptions<AppDbContext>)options))
            await DatabaseInitializer.PrepareSchemaAsync(db, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var head = Append(dataDir, AuditHead.Empty, entries);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {entries} entries in {clock.Elapsed.TotalSeconds:F1} s"));

        await using (var db = new AppDbContext((DbContextOptions<AppDbContext>)options))
        {
            clock.Restart();
            var full = await AuditChainVerifier.VerifyAsync(db, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full walk from seq 1 (before): {full.Count} entries in {clock.Elapsed.TotalSeconds:F2} s"));
            await AuditChainVerifier.RecordCheckpointAsync(db, full, TimeProvider.System, CancellationToken.None);
        }
        Append(dataDir, head, 1000);
        await using (var db = new AppDbContext((DbContextOptions<AppDbContext>)options))
        {
            clock.Restart();
            await DatabaseInitializer.InitializeAsync(db, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"start-up verification since the checkpoint (after): {entries + 1000} entries, 1000 new, in {clock.Elapsed.TotalSeconds:F2} s"));
        }
        return 0;
    }

    static AuditHead Append(string dataDir, AuditHead from, int count)
    {
        using var connection = new SqliteConnection(SqliteDatabase.ConnectionStringFor(dataDir));
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO \"AuditEntries\" (\"Seq\", \"Ts\", \"Type\", \"DrawId\", \"Actor\", \"Payload\", \"Prev\", \"Hash\") VALUES ($s, $t, $y, NULL, $a, $p, $v, $h)";
        var p = new[] { "$s", "$t", "$y", "$a", "$p", "$v", "$h" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var head = from;
        for (var i = 1; i <= count; i++)
        {
            var seq = head.Seq + 1;
            var payload = new JsonObject { ["enterpriseId"] = seq, ["fields"] = new JsonArray("ContactPhone"), ["uscc"] = "91411721MA00000000" };
            var entry = LogChain.Create(seq, start.AddSeconds(seq), "ENTERPRISE_UPDATED", null, "bench", payload, head.Hash);
            p[0].Value = seq; p[1].Value = entry.Ts; p[2].Value = entry.Type; p[3].Value = entry.Actor;
            p[4].Value = Jcs.Serialize(payload); p[5].Value = entry.Prev; p[6].Value = entry.Hash;
            insert.ExecuteNonQuery();
            head = new AuditHead(seq, entry.Hash);
        }
        tx.Commit();
        return head;
    }
}
