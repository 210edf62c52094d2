using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpotCheck.Core.Officers;

namespace SpotCheck.Core.Items;

sealed class InspectionItemConfiguration : IEntityTypeConfiguration<InspectionItem>
{
    public void Configure(EntityTypeBuilder<InspectionItem> b)
    {
        b.Property(i => i.Code).HasMaxLength(32).IsRequired();
        b.Property(i => i.Name).HasMaxLength(200).IsRequired();
        b.Property(i => i.EnforcementBody).HasMaxLength(200).IsRequired();
        b.Property(i => i.LegalBasis).HasMaxLength(2000).IsRequired();
        b.Property(i => i.Content).HasMaxLength(4000).IsRequired();
        b.Property(i => i.Methods).HasMaxLength(200).IsRequired();
        b.Property(i => i.RatioFrequencyNote).HasMaxLength(500).IsRequired();
        b.Property(i => i.TargetType).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(i => new { i.Code, i.Version }).IsUnique();
        b.HasIndex(i => i.Status);
        b.HasOne<Department>().WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(i => i.MethodList);
    }
}
