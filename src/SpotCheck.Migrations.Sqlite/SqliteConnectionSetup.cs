using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpotCheck.Migrations.Sqlite;

/// <summary>
/// Every connection waits in SQLite's own busy handler (Microsoft.Data.Sqlite alone sleeps 150 ms per retry and
/// lets a busy writer starve others), and the file runs in WAL mode so that CLI commands can read and write while
/// <c>serve</c> uses the same data directory.
/// </summary>
sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
