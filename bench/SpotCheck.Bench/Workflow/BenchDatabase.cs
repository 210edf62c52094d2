using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpotCheck.Core.Data;
using SpotCheck.Migrations.Postgres;
using SpotCheck.Migrations.Sqlite;

namespace SpotCheck.Bench.Workflow;

/// <summary>
/// The database a workflow benchmark runs on: SQLite under DATA_DIR, or with BENCH_PG=CONNECTION (a server, e.g. the
/// throwaway cluster of .ci/pg.sh) a fresh PostgreSQL database "spotcheck_bench" dropped and created for the run.
/// </summary>
static class BenchDatabase
{
    const string Name = "spotcheck_bench";

    public static bool IsPostgres => Environment.GetEnvironmentVariable("BENCH_PG") is { Length: > 0 };

    /// <param name="serverCheckpoints">As `spotcheck serve` runs SQLite: checkpoints left to a <see cref="SqliteCheckpointer"/> (see <see cref="CheckpointsAsync"/>).</param>
    public static DbContextOptions<AppDbContext> Options(string dataDir, bool serverCheckpoints = false) =>
        (DbContextOptions<AppDbContext>)Builder(dataDir, serverCheckpoints).Options;

    public static DbContextOptionsBuilder Builder(string dataDir, bool serverCheckpoints = false)
    {
        if (Environment.GetEnvironmentVariable("BENCH_PG") is not { Length: > 0 } server)
            return SqliteDatabase.Configure(new DbContextOptionsBuilder<AppDbContext>(), SqliteDatabase.ConnectionStringFor(dataDir), serverCheckpoints);
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = Name, CommandTimeout = 0 }.ToString();
        return PostgresDatabase.Configure(new DbContextOptionsBuilder<AppDbContext>(), connection);
    }

    /// <summary>Drops and creates the PostgreSQL benchmark database (nothing to do on SQLite: DATA_DIR is fresh).</summary>
    public static async Task ResetAsync()
    {
        if (Environment.GetEnvironmentVariable("BENCH_PG") is not { Length: > 0 } server) return;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await admin.OpenAsync();
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", $"CREATE DATABASE {Name} ENCODING 'UTF8' TEMPLATE template0" })
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The server's background checkpoints on SQLite until <paramref name="stop"/> (nothing on PostgreSQL).</summary>
    public static Task CheckpointsAsync(string dataDir, CancellationToken stop) => IsPostgres ? Task.CompletedTask
        : new SqliteCheckpointer(SqliteDatabase.ConnectionStringFor(dataDir)).RunAsync(TimeProvider.System, e => Console.Error.WriteLine(e.Message), stop);

    /// <summary>
    /// What years of a server's idle time would have done after bulk-seeded history: SQLite's log copied into the file
    /// and truncated, PostgreSQL's tables vacuumed and analysed and a checkpoint taken, so the freeze measured next does
    /// not pay for the seeding.
    /// </summary>
    public static async Task SettleAsync(AppDbContext db, string dataDir)
    {
        if (!IsPostgres)
        {
            await new SqliteCheckpointer(SqliteDatabase.ConnectionStringFor(dataDir)).CheckpointAsync(truncate: true);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        await db.Database.ExecuteSqlRawAsync("CHECKPOINT");
    }
}
