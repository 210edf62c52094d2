using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;

namespace SpotCheck.Core.Data;

/// <summary>Start-up of the web host and the CLI: schema, audit triggers, and a verified audit chain.</summary>
public static class DatabaseInitializer
{
    /// <summary>
    /// Migrates, installs the audit triggers idempotently and verifies the chain since its last checkpoint (draw-spec §7.4).
    /// </summary>
    /// <exception cref="AuditChainBrokenException">The stored chain is broken; the message names seq and reason.</exception>
    public static async Task InitializeAsync(AppDbContext db, CancellationToken ct, TimeProvider? clock = null)
    {
        await PrepareSchemaAsync(db, ct);
        await AuditChainVerifier.EnsureIntactAsync(db, clock ?? TimeProvider.System, ct);
    }

    /// <summary>Arbitrary application-wide key for the start-up's pg_advisory_lock ("SPOTMIGR").</summary>
    const long PostgresSchemaKey = 0x5350_4F54_4D49_4752;

    /// <summary>Migrations and triggers only: for tools that must still read a broken chain (e.g. export).</summary>
    public static async Task PrepareSchemaAsync(AppDbContext db, CancellationToken ct)
    {
        if (DatabaseProvider.Of(db) == DatabaseProvider.Sqlite)
        {
            await PrepareSchemaExclusivelyAsync(db, ct);
            return;
        }
        // EF's own migration lock on PostgreSQL lasts one migration's transaction: an instance starting at the same
        // moment could take it between two migrations and apply the next one a second time. A session lock held over
        // the whole preparation makes the second instance wait, then find the schema up to date.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({PostgresSchemaKey})", ct);
            try
            {
                await PrepareSchemaExclusivelyAsync(db, ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({PostgresSchemaKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task PrepareSchemaExclusivelyAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        await AuditTriggers.InstallAsync(db, ct);
        await Publication.PublicationTriggers.InstallAsync(db, ct);
        await Enterprises.EnterpriseNameIndex.InstallAsync(db, ct);
        await Publication.PublicNameIndex.InstallAsync(db, ct);
        await Draws.LatestTeams.FillIfMissingAsync(db, ct);
    }
}
