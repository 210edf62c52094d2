using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    /// <summary>Read it, or append through <see cref="AuditLog"/>; never add to it directly.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Written only by <see cref="AuditChainVerifier"/> after a segment verified.</summary>
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
}
