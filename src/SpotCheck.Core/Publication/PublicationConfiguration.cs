using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Publication;

sealed class PublicationBatchConfiguration : IEntityTypeConfiguration<PublicationBatch>
{
    public void Configure(EntityTypeBuilder<PublicationBatch> b)
    {
        b.Property(x => x.Number).HasMaxLength(16).IsRequired();
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.PublishedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.HeadHash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.PublishedAtUtc);
        b.HasMany(x => x.Results).WithOne().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Results).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

sealed class PublishedResultConfiguration : IEntityTypeConfiguration<PublishedResult>
{
    public void Configure(EntityTypeBuilder<PublishedResult> b)
    {
        b.Property(x => x.EnterpriseName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Uscc).HasMaxLength(32).IsRequired();
        b.Property(x => x.ItemNames).HasMaxLength(1000).IsRequired();
        b.Property(x => x.DepartmentNames).HasMaxLength(1000).IsRequired();
        b.Property(x => x.ResultText).HasMaxLength(2000).IsRequired();
        b.Property(x => x.ResultCodes).HasMaxLength(1000).IsRequired();
        b.Property(x => x.FollowUpText).HasMaxLength(2000).IsRequired();
        b.Property(x => x.FollowUpCodes).HasMaxLength(500).IsRequired();
        b.Property(x => x.CorrectionReason).HasMaxLength(1000);
        b.Property(x => x.VersionBy).HasMaxLength(256).IsRequired();
        b.HasOne<InspectionTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        // One version number per task: two corrections at once cannot both become version 2.
        b.HasIndex(x => new { x.TaskId, x.Version }).IsUnique();
        // The portal's orders and filters (PublicResults): newest first by publication time then id, by year, by USCC,
        // by the start of the name. The id is spelled out for PostgreSQL; SQLite appends the rowid anyway.
        b.HasIndex(x => new { x.Uscc, x.PublishedAtUtc, x.Id });
        b.HasIndex(x => new { x.EnterpriseId, x.PublishedAtUtc });
        b.HasIndex(x => new { x.Year, x.PublishedAtUtc, x.Id });
        b.HasIndex(x => new { x.PublishedAtUtc, x.Id });
        b.HasIndex(x => x.EnterpriseName);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.PublishedResultId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Departments).WithOne().HasForeignKey(d => d.PublishedResultId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Departments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.CheckType);
        b.Ignore(x => x.IsCorrected);
        b.Ignore(x => x.WasLate);
    }
}

sealed class PublishedResultItemConfiguration : IEntityTypeConfiguration<PublishedResultItem>
{
    public void Configure(EntityTypeBuilder<PublishedResultItem> b)
    {
        b.HasKey(x => new { x.PublishedResultId, x.ItemCode });
        b.Property(x => x.ItemCode).HasMaxLength(64);
        b.Property(x => x.ItemName).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.ItemCode, x.PublishedResultId });
    }
}

sealed class PublishedResultDepartmentConfiguration : IEntityTypeConfiguration<PublishedResultDepartment>
{
    public void Configure(EntityTypeBuilder<PublishedResultDepartment> b)
    {
        b.HasKey(x => new { x.PublishedResultId, x.DepartmentCode });
        b.Property(x => x.DepartmentCode).HasMaxLength(32);
        b.Property(x => x.DepartmentName).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.DepartmentCode, x.PublishedResultId });
    }
}
