using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Audit;

namespace SpotCheck.Core.Audit;

/// <summary>
/// The only writer of the hash-chained audit log (draw-spec §7). Every state change is saved together with its
/// entry, so there is never a change without an entry or an entry without its change.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    readonly ILogger? _log;

    /// <summary>The constructor dependency injection uses: a broken chain found by the guard is logged as critical.</summary>
    public AuditLog(AppDbContext db, TimeProvider clock, ILogger<AuditLog> log) : this(db, clock) => _log = log;

    /// <summary>Characters of canonical payload JSON; large data belongs in the chain as a hash (draw-spec §7.1).</summary>
    public const int MaxPayloadLength = 64 * 1024;

    /// <summary>
    /// Saves the context's pending changes and appends one entry, atomically: inside the caller's open transaction
    /// if there is one (the caller then commits), else in a transaction of its own. Appends are serialised across
    /// connections and processes, so the chain never forks.
    /// </summary>
    /// <exception cref="ArgumentException">The event breaks the rules of <see cref="AuditEvent"/>.</exception>
    public Task<AuditEntry> AppendAsync(AuditEvent e, CancellationToken ct = default) => AppendAsync(_ => e, ct);

    /// <summary>
    /// The application-wide key of the append lock on PostgreSQL (pg_advisory_xact_lock, "SPOTAUDT"); public so that
    /// a crash test can hold it and catch a writer inside its transaction.
    /// </summary>
    public const long PostgresAppendLockKey = 0x5350_4F54_4155_4454;

    /// <summary>
    /// As <see cref="AppendAsync(AuditEvent, CancellationToken)"/>, for an entry that names the chain's head it extends
    /// (a publication, anchoring what was published before it): <paramref name="build"/> runs under the append lock,
    /// so the head it is given is exactly the new entry's predecessor.
    /// </summary>
    public async Task<AuditEntry> AppendAsync(Func<AuditHead, AuditEvent> build, CancellationToken ct = default)
    {
        var provider = DatabaseProvider.Of(db);
        await db.Database.OpenConnectionAsync(ct);
        IDbContextTransaction? own = null;
        AuditEntry? entry = null;
        try
        {
            if (provider == DatabaseProvider.Sqlite) await AppendLock.WaitPatientlyOnSqliteAsync(db, ct);
            if (db.Database.CurrentTransaction is null) own = await db.Database.BeginTransactionAsync(ct);
            await AppendLock.AcquireAsync(db, provider, ct);
            var head = await AuditReader.HeadAsync(db, ct);
            var e = build(head);
            var payload = AuditEventRules.CanonicalPayload(e);
            var seq = head.Seq + 1;
            var ts = clock.GetUtcNow();
            var hash = LogChain.Create(seq, ts, e.Type, e.DrawId, e.Actor, e.Payload, head.Hash).Hash;
            entry = new AuditEntry
            {
                Seq = seq, Ts = LogChain.FormatTimestamp(ts), Type = e.Type, DrawId = e.DrawId, Actor = e.Actor,
                Payload = payload, Prev = head.Hash, Hash = hash,
            };
            db.AuditEntries.Add(entry);
            await SaveAsync(own is null, ct);
            if (own is not null) await own.CommitAsync(ct);
            return entry;
        }
        finally
        {
            // The entry is history now (or never was): keep it out of the change tracker either way.
            if (entry is not null) db.Entry(entry).State = EntityState.Detached;
            if (own is not null) await own.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The guard every ceremony step and publication calls first: the chain since the last checkpoint verifies, or
    /// the step is refused with <see cref="AuditChainGuard.BrokenCode"/> (a conflict) and a critical log event.
    /// </summary>
    public Task<Result> EnsureChainIntactAsync(CancellationToken ct = default) => AuditChainGuard.EnsureIntactAsync(db, clock, _log, ct);

    /// <summary>A savepoint only helps a caller who goes on with its transaction after a failed save.</summary>
    async Task SaveAsync(bool joined, CancellationToken ct)
    {
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = savepoints && joined;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }
}

/// <summary>Makes the append section exclusive before the head is read.</summary>
static class AppendLock
{
    /// <summary>
    /// SQLite's own busy handler retries within milliseconds, so a waiting writer gets its turn between another
    /// writer's appends; Microsoft.Data.Sqlite alone sleeps 150 ms per retry and lets a busy writer starve it.
    /// </summary>
    public static Task WaitPatientlyOnSqliteAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 30000", ct);

    public static Task AcquireAsync(AppDbContext db, DatabaseProvider provider, CancellationToken ct) => provider switch
    {
        // Released automatically at commit or rollback.
        DatabaseProvider.Postgres => db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditLog.PostgresAppendLockKey})", ct),
        // A write statement takes SQLite's single writer lock (waiting out the busy timeout) even in a caller's
        // deferred transaction; the row-level triggers do not fire because no row matches.
        DatabaseProvider.Sqlite => db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{AuditTriggers.Table}\" WHERE 0", ct),
        _ => throw new UnreachableException(),
    };
}
