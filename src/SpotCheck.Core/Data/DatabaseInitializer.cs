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

    /// <summary>Migrations and triggers only: for tools that must still read a broken chain (e.g. export).</summary>
    public static async Task PrepareSchemaAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        await AuditTriggers.InstallAsync(db, ct);
        await Publication.PublicationTriggers.InstallAsync(db, ct);
        await Enterprises.EnterpriseNameIndex.InstallAsync(db, ct);
        await Publication.PublicNameIndex.InstallAsync(db, ct);
        await Draws.LatestTeams.FillIfMissingAsync(db, ct);
    }
}
