using Microsoft.Data.Sqlite;

namespace SpotCheck.Migrations.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database on its own connection, every <see cref="Interval"/> while the
/// server runs and once more (truncating the log) when it stops, for connections configured with background
/// checkpoints. PASSIVE: it never waits for readers or blocks writers; what a reader still needs is copied next time.
/// A log not yet copied is as durable as the database: any connection reads through it.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Checkpoints until <paramref name="stoppingToken"/> is cancelled, then truncates the log.</summary>
    /// <param name="failed">Told of a checkpoint that could not run (it is tried again at the next interval).</param>
    public async Task RunAsync(TimeProvider clock, Action<Exception> failed, CancellationToken stoppingToken)
    {
        SqliteConnection? connection = null;
        try
        {
            for (var stopping = false; !stopping;)
            {
                await Task.Delay(Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                stopping = stoppingToken.IsCancellationRequested;
                await TryAsync(truncate: stopping);
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }

        async Task TryAsync(bool truncate)
        {
            try
            {
                connection ??= await OpenAsync();
                await CheckpointAsync(connection, truncate);
            }
            catch (SqliteException e)
            {
                failed(e);
                if (connection is not null) await connection.DisposeAsync();
                connection = null;
            }
        }
    }

    /// <summary>One checkpoint now; returns the log frames it could not copy because a reader still needs them.</summary>
    public async Task<long> CheckpointAsync(bool truncate = false)
    {
        await using var connection = await OpenAsync();
        return await CheckpointAsync(connection, truncate);
    }

    /// <summary>The database as it is: a checkpoint never creates one (the server's start-up does).</summary>
    async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWrite, Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 5000";
            await command.ExecuteNonQueryAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The checkpoint's result row is (busy, log frames, copied frames).</summary>
    static async Task<long> CheckpointAsync(SqliteConnection connection, bool truncate)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = truncate ? "PRAGMA wal_checkpoint(TRUNCATE)" : "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Math.Max(0, reader.GetInt64(1) - reader.GetInt64(2)) : 0;
    }
}
