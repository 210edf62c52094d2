using System.Diagnostics;
using Npgsql;

namespace SpotCheck.Tests.TestSupport;

/// <summary>
/// Sees from outside whether the host is inside a write transaction, so a test can kill it right there: on SQLite the
/// host holds a POSIX write lock on byte 120 of the WAL index (SQLite's WAL_WRITE_LOCK, listed in /proc/locks); on
/// PostgreSQL another session of the test database has a transaction id, which PostgreSQL assigns at a transaction's
/// first write (bulk COPYs included, which come before the audit log's lock).
/// </summary>
public sealed class CrashWriteWatch : IAsyncDisposable
{
    const string WalWriteLockOffset = "120";

    readonly NpgsqlConnection? _pg;
    /// <summary>The watcher holds the audit append lock (<see cref="HoldAuditAppendAsync"/>).</summary>
    bool _held;

    CrashWriteWatch(NpgsqlConnection? pg) => _pg = pg;

    public static async Task<CrashWriteWatch> OpenAsync(TestStorage storage)
    {
        if (storage.PostgresConnection is not { } cs) return new CrashWriteWatch(null);
        var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ToString());
        await pg.OpenAsync();
        return new CrashWriteWatch(pg);
    }

    public async Task<bool> IsWritingAsync(int hostProcessId)
    {
        if (_pg is null)
        {
            var pid = hostProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // "1: POSIX  ADVISORY  WRITE 9400 fe:00:11657799 120 120"; waiters are listed with "->" and do not count.
            return File.ReadLines("/proc/locks").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Any(f => f is [_, "POSIX", _, "WRITE", var p, _, WalWriteLockOffset, WalWriteLockOffset] && p == pid);
        }
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity " +
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL)", _pg);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls until the host writes (true) or <paramref name="done"/> completes or the timeout passes (false).</summary>
    public async Task<bool> WaitForWriteAsync(int hostProcessId, Task done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !done.IsCompleted)
        {
            if (_held ? await IsBlockedWritingAsync() : await IsWritingAsync(hostProcessId)) return true;
            await Task.Delay(1);
        }
        return false;
    }

    /// <summary>
    /// On PostgreSQL, holds the audit log's append lock on the watcher's session until disposed: a transaction that has
    /// written its rows then waits for it before its audit entries and commit, so a kill lands inside it however busy
    /// the machine is (polling alone missed a run whose writes took a few dozen milliseconds). Null on SQLite.
    /// </summary>
    public async Task<IAsyncDisposable?> HoldAuditAppendAsync()
    {
        if (_pg is null) return null;
        await ExecuteAsync($"SELECT pg_advisory_lock({SpotCheck.Core.Audit.AuditLog.PostgresAppendLockKey})");
        _held = true;
        return new Held(this);
    }

    sealed class Held(CrashWriteWatch watch) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            watch._held = false;
            await watch.ExecuteAsync($"SELECT pg_advisory_unlock({SpotCheck.Core.Audit.AuditLog.PostgresAppendLockKey})");
        }
    }

    async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _pg);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Another session has written and now waits for an advisory lock (the held append lock).</summary>
    async Task<bool> IsBlockedWritingAsync()
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() " +
            "AND backend_xid IS NOT NULL AND wait_event_type = 'Lock' AND wait_event = 'advisory')", _pg);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pg is not null) await _pg.DisposeAsync();
    }
}
