using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpotCheck.Core.Audit;

/// <summary>
/// A head of the chain that was verified from the previous checkpoint (draw-spec §7.4): later verifications re-hash
/// only the entries after it, and an entry at <see cref="Seq"/> that is gone or hashes differently is a break.
/// </summary>
public sealed class AuditCheckpoint
{
    public long Seq { get; init; }
    public required string Hash { get; init; }
    public DateTime VerifiedAtUtc { get; init; }
}

sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public const string Table = "AuditCheckpoints";

    public void Configure(EntityTypeBuilder<AuditCheckpoint> b)
    {
        b.ToTable(Table);
        b.HasKey(c => c.Seq);
        b.Property(c => c.Seq).ValueGeneratedNever();
        b.Property(c => c.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
    }
}
