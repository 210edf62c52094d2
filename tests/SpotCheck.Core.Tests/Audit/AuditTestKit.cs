using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw.Audit;

namespace SpotCheck.Core.Tests.Audit;

/// <summary>Helpers shared by the audit tests: appending series of events, exporting, and tampering by raw SQL.</summary>
static class AuditTestKit
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    public static AuditEvent Event(int n, string type = "ITEM_CREATED", string? drawId = null) =>
        new(type, "planner-1", new JsonObject { ["n"] = n, ["名称"] = $"检查事项“{n}”\n第二行" }, drawId);

    /// <summary>Appends <paramref name="count"/> events one second apart and returns the stored entries.</summary>
    public static async Task<List<AuditEntry>> AppendManyAsync(TestDatabase database, int count, string type = "ITEM_CREATED")
    {
        var clock = new FakeTimeProvider(Start);
        await using var db = database.CreateContext();
        var log = new AuditLog(db, clock);
        var entries = new List<AuditEntry>();
        for (var i = 1; i <= count; i++)
        {
            entries.Add(await log.AppendAsync(Event(i, type)));
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        return entries;
    }

    public static async Task<string> ExportAsync(TestDatabase database, int pageSize = AuditChainVerifier.DefaultPageSize)
    {
        await using var db = database.CreateContext();
        var writer = new StringWriter { NewLine = "\n" };
        await AuditExport.WriteJsonLinesAsync(db, writer, CancellationToken.None, pageSize);
        return writer.ToString();
    }

    public static ChainVerification VerifyFile(string jsonl) => LogChain.Verify(new StringReader(jsonl));

    public static async Task<ChainVerification> VerifyDatabaseAsync(TestDatabase database, int pageSize = AuditChainVerifier.DefaultPageSize)
    {
        await using var db = database.CreateContext();
        return await AuditChainVerifier.VerifyAsync(db, CancellationToken.None, pageSize);
    }

    /// <summary>What an attacker with database rights does first (the triggers stop everyone else).</summary>
    public static async Task DropTriggersAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var on = database.Provider == DbProvider.Postgres ? " ON \"AuditEntries\"" : "";
        foreach (var trigger in new[] { "audit_entries_no_update", "audit_entries_no_delete" })
        {
            var sql = "DROP TRIGGER " + trigger + on;
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    /// <summary>Plain ADO.NET, so that braces in JSON literals are not taken for EF's format placeholders.</summary>
    public static async Task<int> ExecuteAsync(TestDatabase database, string sql)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<int> CountAsync<T>(TestDatabase database, Func<AppDbContext, IQueryable<T>> rows)
    {
        await using var db = database.CreateContext();
        return await rows(db).CountAsync();
    }

    public static async Task<AuditHead> HeadAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await new AuditReader(db).HeadAsync();
    }
}
