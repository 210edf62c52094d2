using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpotCheck.Core.Plans;

sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(p => p.Name).HasMaxLength(200).IsRequired();
        b.PrimitiveCollection(p => p.ItemIds).IsRequired();
        b.PrimitiveCollection(p => p.DepartmentCodes).IsRequired();
        b.Property(p => p.Tags).HasMaxLength(2000).IsRequired();
        b.Property(p => p.RegionPrefix).HasMaxLength(12);
        b.Property(p => p.Statuses).HasMaxLength(100).IsRequired();
        b.Property(p => p.RiskClasses).HasMaxLength(20).IsRequired();
        b.Property(p => p.FlagPolicy).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(p => new { p.Year, p.State });
        b.Ignore(p => p.ItemIdList);
        b.Ignore(p => p.DepartmentCodeList);
        b.Ignore(p => p.TagList);
        b.Ignore(p => p.StatusList);
        b.Ignore(p => p.RiskClassList);
    }
}
