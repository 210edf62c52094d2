using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpotCheck.Core.Plans;

namespace SpotCheck.Core.Draws;

sealed class DrawSessionConfiguration : IEntityTypeConfiguration<DrawSession>
{
    public void Configure(EntityTypeBuilder<DrawSession> b)
    {
        b.Property(d => d.DrawId).HasMaxLength(64).IsRequired();
        b.HasIndex(d => d.DrawId).IsUnique();
        b.HasIndex(d => d.PlanId);
        b.HasOne<Plan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.SupplementOf).HasMaxLength(64);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.InputsHash).HasMaxLength(64).IsRequired();
        b.Property(d => d.RandomnessSource).HasMaxLength(500).IsRequired();
        b.Property(d => d.OrganizerCommitment).HasMaxLength(64);
        b.Property(d => d.SupervisorCommitment).HasMaxLength(64);
        b.Property(d => d.PendingRandomness).HasMaxLength(2000);
        b.Property(d => d.PendingRandomnessBy).HasMaxLength(256);
        b.Property(d => d.PublicRandomness).HasMaxLength(2000);
        b.Property(d => d.OrganizerSecret).HasMaxLength(200);
        b.Property(d => d.SupervisorSecret).HasMaxLength(200);
        b.Property(d => d.Seed).HasMaxLength(64);
        b.Property(d => d.VoidReason).HasMaxLength(500);
        b.Property(d => d.CreatedBy).HasMaxLength(256);
        b.Ignore(d => d.IsFinal);
        foreach (var name in new[] { nameof(DrawSession.PopulationTsv), nameof(DrawSession.ExcludedTsv), nameof(DrawSession.InspectorsTsv),
                     nameof(DrawSession.ConflictsTsv), nameof(DrawSession.PreviousTeamsTsv) })
            b.Ignore(name);
        b.HasOne(d => d.Snapshot).WithOne().HasForeignKey<DrawSnapshot>(s => s.DrawSessionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Snapshot).AutoInclude();
    }
}

sealed class DrawSnapshotConfiguration : IEntityTypeConfiguration<DrawSnapshot>
{
    public void Configure(EntityTypeBuilder<DrawSnapshot> b)
    {
        b.ToTable("DrawSnapshots");
        b.HasKey(s => s.DrawSessionId);
    }
}

sealed class DrawSelectionConfiguration : IEntityTypeConfiguration<DrawSelection>
{
    public void Configure(EntityTypeBuilder<DrawSelection> b)
    {
        b.Property(s => s.DrawId).HasMaxLength(64).IsRequired();
        b.Property(s => s.Uscc).HasMaxLength(64).IsRequired();
        b.Property(s => s.Stratum).HasMaxLength(32).IsRequired();
        b.Property(s => s.Team).HasMaxLength(2000).IsRequired();
        b.HasIndex(s => new { s.DrawId, s.EnterpriseId }).IsUnique();
        b.HasIndex(s => new { s.EnterpriseId, s.SelectedOn });
        b.Ignore(s => s.TeamCodes);
    }
}
