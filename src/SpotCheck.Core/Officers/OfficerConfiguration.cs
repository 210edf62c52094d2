using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Officers;

sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Code).HasMaxLength(32).IsRequired();
        b.Property(d => d.Name).HasMaxLength(100).IsRequired();
        b.HasIndex(d => d.Code).IsUnique();
        b.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> b)
    {
        b.Property(o => o.Code).HasMaxLength(64).IsRequired();
        b.Property(o => o.Name).HasMaxLength(100).IsRequired();
        b.Property(o => o.CertificateNo).HasMaxLength(64).IsRequired();
        b.Property(o => o.Specialties).HasMaxLength(500).IsRequired();
        b.HasIndex(o => o.Code).IsUnique();
        b.HasIndex(o => o.DepartmentId);
        b.HasOne(o => o.Department).WithMany().HasForeignKey(o => o.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Conflicts).WithOne().HasForeignKey(c => c.OfficerId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Conflicts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(o => o.SpecialtyList);
    }
}

sealed class OfficerConflictConfiguration : IEntityTypeConfiguration<OfficerConflict>
{
    public void Configure(EntityTypeBuilder<OfficerConflict> b)
    {
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Note).HasMaxLength(500);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.WithdrawnBy).HasMaxLength(256);
        b.Property(c => c.WithdrawnReason).HasMaxLength(500);
        b.Ignore(c => c.IsActive);
        // One declaration in force per reason; withdrawn ones stay as history beside a later re-declaration.
        b.HasIndex(c => new { c.OfficerId, c.EnterpriseId, c.Kind }).IsUnique().HasFilter("\"WithdrawnAtUtc\" IS NULL");
        b.HasIndex(c => c.EnterpriseId);
    }
}
