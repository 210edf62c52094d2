using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpotCheck.Core.Audit;

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable(AuditTriggers.Table);
        b.HasKey(e => e.Seq); // UNIQUE(seq), draw-spec §7.4
        b.Property(e => e.Seq).ValueGeneratedNever();
        b.Property(e => e.Ts).HasMaxLength(24).IsRequired();
        b.Property(e => e.Type).HasMaxLength(AuditEventRules.MaxTypeLength).IsRequired();
        b.Property(e => e.DrawId).HasMaxLength(64);
        b.Property(e => e.Actor).HasMaxLength(AuditEventRules.MaxActorLength).IsRequired();
        b.Property(e => e.Payload).IsRequired();
        b.Property(e => e.Prev).HasMaxLength(64).IsFixedLength().IsRequired();
        b.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        b.HasIndex(e => e.Hash).IsUnique();
        b.HasIndex(e => new { e.Type, e.Seq });
        b.HasIndex(e => new { e.DrawId, e.Seq });
        b.Ignore(e => e.TimestampUtc);
    }
}
