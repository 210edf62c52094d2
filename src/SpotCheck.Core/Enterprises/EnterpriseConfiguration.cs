using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpotCheck.Core.Enterprises;

sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.Property(e => e.Name).HasMaxLength(200).IsRequired();
        b.Property(e => e.Uscc).HasMaxLength(18).IsRequired();
        b.Property(e => e.LegacyRegistrationNo).HasMaxLength(32);
        b.Property(e => e.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(e => e.Address).HasMaxLength(300).IsRequired();
        b.Property(e => e.LegalRepresentative).HasMaxLength(100);
        b.Property(e => e.RiskClass).HasConversion<string>().HasMaxLength(1);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.ContactName).HasMaxLength(100);
        b.Property(e => e.ContactPhone).HasMaxLength(50);
        b.Property(e => e.UsccOverrideReason).HasMaxLength(500);
        b.Property(e => e.UsccOverrideBy).HasMaxLength(256);
        b.HasIndex(e => e.Uscc).IsUnique();
        b.HasIndex(e => e.Name);
        // With the class: a county's risk filter over a province directory reads only that county's rows.
        b.HasIndex(e => new { e.RegionCode, e.RiskClass });
        b.HasIndex(e => e.RiskClass);
        // Status first serves status filters; with the class it is the coverage statistic's whole answer (no table read).
        b.HasIndex(e => new { e.Status, e.RiskClass });
        b.HasMany(e => e.Tags).WithOne().HasForeignKey(t => t.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Changes).WithOne().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Tags).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(e => e.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(e => e.TagNames);
        b.Ignore(e => e.UsccOverridden);
    }
}

sealed class EnterpriseTagConfiguration : IEntityTypeConfiguration<EnterpriseTag>
{
    public void Configure(EntityTypeBuilder<EnterpriseTag> b)
    {
        b.HasKey(t => new { t.EnterpriseId, t.Tag });
        b.Property(t => t.Tag).HasMaxLength(50);
        b.HasIndex(t => new { t.Tag, t.EnterpriseId });
    }
}

sealed class EnterpriseChangeConfiguration : IEntityTypeConfiguration<EnterpriseChange>
{
    public void Configure(EntityTypeBuilder<EnterpriseChange> b)
    {
        b.Property(c => c.Actor).HasMaxLength(256).IsRequired();
        b.Property(c => c.Source).HasMaxLength(200).IsRequired();
        b.Property(c => c.Field).HasMaxLength(50).IsRequired();
        b.HasIndex(c => new { c.EnterpriseId, c.Id });
    }
}
