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
        // One open draw per plan: a second freeze racing the first loses on this key.
        b.HasIndex(d => d.PlanId, "IX_DrawSessions_OneOpenPerPlan").IsUnique()
            .HasFilter("\"Status\" IN ('Frozen', 'Committed', 'RandomnessEntered', 'Revealed')");
        b.HasMany<DrawStep>("_steps").WithOne().HasForeignKey(s => s.DrawSessionId).OnDelete(DeleteBehavior.Cascade);
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

sealed class DrawStepConfiguration : IEntityTypeConfiguration<DrawStep>
{
    public void Configure(EntityTypeBuilder<DrawStep> b)
    {
        b.ToTable("DrawSteps");
        b.Property(s => s.Step).HasMaxLength(24).IsRequired();
        b.Property(s => s.Party).HasMaxLength(24).IsRequired();
        b.HasIndex(s => new { s.DrawSessionId, s.Step, s.Party }).IsUnique();
    }
}

sealed class DrawSnapshotConfiguration : IEntityTypeConfiguration<DrawSnapshot>
{
    public void Configure(EntityTypeBuilder<DrawSnapshot> b)
    {
        b.ToTable("DrawSnapshots");
        b.HasKey(s => s.DrawSessionId);
        b.Property(s => s.PopulationData).HasColumnName("Population");
        b.Property(s => s.ExcludedData).HasColumnName("Excluded");
        b.Property(s => s.InspectorsData).HasColumnName("Inspectors");
        b.Property(s => s.ConflictsData).HasColumnName("Conflicts");
        b.Property(s => s.PreviousTeamsData).HasColumnName("PreviousTeams");
        foreach (var text in new[] { nameof(DrawSnapshot.Population), nameof(DrawSnapshot.Excluded), nameof(DrawSnapshot.Inspectors),
                     nameof(DrawSnapshot.Conflicts), nameof(DrawSnapshot.PreviousTeams) })
            b.Ignore(text);
    }
}

sealed class DrawSelectionConfiguration : IEntityTypeConfiguration<DrawSelection>
{
    public void Configure(EntityTypeBuilder<DrawSelection> b)
    {
        b.Property(s => s.DrawId).HasMaxLength(64).IsRequired();
        b.Property(s => s.Uscc).HasMaxLength(64).IsRequired();
        b.Property(s => s.Stratum).HasMaxLength(32).IsRequired();
        b.PrimitiveCollection(s => s.Team).IsRequired();
        b.HasIndex(s => new { s.DrawId, s.EnterpriseId }).IsUnique();
        b.HasIndex(s => new { s.EnterpriseId, s.SelectedOn });
        // A freeze reads one year (cap), the exclusion window, and the latest staffed round per target: never the whole history.
        b.HasIndex(s => s.SelectedOn);
        b.HasIndex(s => new { s.Uscc, s.SelectedOn });
        // The fairness statistics count a draw's rows per stratum from this index alone.
        b.HasIndex(s => new { s.DrawId, s.IsSupplement, s.Stratum });
    }
}

sealed class LatestTeamConfiguration : IEntityTypeConfiguration<LatestTeam>
{
    public void Configure(EntityTypeBuilder<LatestTeam> b)
    {
        // Keyed by enterprise id: a frame reads each part's id range of it. Its team stays ';'-joined text: a derived copy
        // of the latest selection's team array, read half a million at a time by a freeze and never queried inside.
        b.HasKey(t => t.EnterpriseId);
        b.Property(t => t.EnterpriseId).ValueGeneratedNever();
        b.Property(t => t.Uscc).HasMaxLength(64).IsRequired();
        b.Property(t => t.DrawId).HasMaxLength(64).IsRequired();
        b.Property(t => t.Team).HasMaxLength(2000).IsRequired();
    }
}
