using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Hosting.Backup;

/// <summary>Row counts of every table of the model and the audit head, read over one open connection.</summary>
static class DatabaseSnapshot
{
    public static IReadOnlyList<string> Tables(AppDbContext db) =>
        db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();

    public static async Task<SortedDictionary<string, long>> CountRowsAsync(DbConnection connection, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
            rows[table] = Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\"", ct), System.Globalization.CultureInfo.InvariantCulture);
        return rows;
    }

    public static async Task<(long Seq, string Hash)> AuditHeadAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Seq\", \"Hash\" FROM \"AuditEntries\" ORDER BY \"Seq\" DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1).Trim()) : (0, Draw.Audit.LogChain.Genesis);
    }

    public static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>SQLite's online backup API: a consistent copy while the server keeps writing (WAL).</summary>
    public static void CopySqlite(string source, string target)
    {
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        from.Open();
        to.Open();
        using (var busy = from.CreateCommand())
        {
            busy.CommandText = "PRAGMA busy_timeout = 30000";
            busy.ExecuteNonQuery();
        }
        from.BackupDatabase(to);
        using var journal = to.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode = DELETE";
        journal.ExecuteNonQuery();
    }

    public static SqliteConnection OpenSqlite(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
