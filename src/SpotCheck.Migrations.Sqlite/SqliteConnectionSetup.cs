using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SpotCheck.Migrations.Sqlite;

/// <summary>
/// Every connection waits in SQLite's own busy handler (Microsoft.Data.Sqlite alone sleeps 150 ms per retry and
/// lets a busy writer starve others), and the file runs in WAL mode so that CLI commands can read and write while
/// <c>serve</c> uses the same data directory. With <paramref name="backgroundCheckpoints"/> a commit never copies the
/// log back into the database itself (<see cref="SqliteCheckpointer"/> does, off the request). Pages are read through
/// a memory map of the file: a frame's join visits the latest-team index in USCC order, page by page at random,
/// which through SQLite's default 2 MB page cache cost a system call per page (seconds at a million enterprises).
/// </summary>
sealed class SqliteConnectionSetup(bool backgroundCheckpoints) : DbConnectionInterceptor
{
    readonly string _pragmas = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 4294967296;"
        + (backgroundCheckpoints ? " PRAGMA wal_autocheckpoint = 0;" : "");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
