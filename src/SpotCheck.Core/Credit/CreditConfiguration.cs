using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Credit;

sealed class CreditRecordConfiguration : IEntityTypeConfiguration<CreditRecord>
{
    public void Configure(EntityTypeBuilder<CreditRecord> b)
    {
        b.Property(c => c.Results).HasMaxLength(1000).IsRequired();
        b.Property(c => c.RiskBefore).HasConversion<string>().HasMaxLength(1);
        b.Property(c => c.RiskAfter).HasConversion<string>().HasMaxLength(1);
        b.Property(c => c.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InspectionTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.EnterpriseId);
        b.HasIndex(c => c.TaskId).IsUnique();
    }
}

sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.Property(o => o.SubmittedBy).HasMaxLength(100).IsRequired();
        b.Property(o => o.Content).HasMaxLength(2000).IsRequired();
        b.Property(o => o.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.ResolutionNote).HasMaxLength(2000);
        b.Property(o => o.ResolvedBy).HasMaxLength(256);
        b.HasOne<InspectionTask>().WithMany().HasForeignKey(o => o.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.TaskId);
        b.Ignore(o => o.IsResolved);
    }
}
