using SpotCheck.Migrations.Sqlite;

namespace SpotCheck.Hosting;

/// <summary>
/// On SQLite, the server's connections leave checkpoints to this service (SqliteDatabase.Configure with background
/// checkpoints), so a request that writes tens of megabytes does not also copy them into the database file.
/// </summary>
sealed class SqliteCheckpoints(Storage storage, TimeProvider clock, ILogger<SqliteCheckpoints> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        storage.IsPostgres ? Task.CompletedTask
            : new SqliteCheckpointer(SqliteDatabase.ConnectionStringFor(storage.DataDir))
                .RunAsync(clock, e => log.LogWarning(e, "SQLite checkpoint could not run; retrying"), stoppingToken);
}
