using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Notices;

sealed class IssuedNoticeConfiguration : IEntityTypeConfiguration<IssuedNotice>
{
    public void Configure(EntityTypeBuilder<IssuedNotice> b)
    {
        b.ToTable("IssuedNotices");
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.Number).HasMaxLength(100).IsRequired();
        b.Property(n => n.ContentJson).IsRequired();
        b.Property(n => n.ContentSha256).HasMaxLength(64).IsRequired();
        b.Property(n => n.IssuedBy).HasMaxLength(256).IsRequired();
        b.HasOne<InspectionTask>().WithMany().HasForeignKey(n => n.TaskId).OnDelete(DeleteBehavior.Restrict);
        // Concurrent issuers: one series number, one revision per task and kind, one 文号 per department.
        b.HasIndex(n => new { n.DepartmentId, n.Kind, n.Year, n.Seq }).IsUnique();
        b.HasIndex(n => new { n.TaskId, n.Kind, n.Revision }).IsUnique();
        b.HasIndex(n => new { n.DepartmentId, n.Number }).IsUnique();
    }
}

sealed class NoticeSettingsConfiguration : IEntityTypeConfiguration<NoticeSettings>
{
    public void Configure(EntityTypeBuilder<NoticeSettings> b)
    {
        b.ToTable("NoticeSettings");
        b.Property(s => s.InspectionNumberPattern).HasMaxLength(NoticeNumberPattern.MaxLength).IsRequired();
        b.Property(s => s.ResultNumberPattern).HasMaxLength(NoticeNumberPattern.MaxLength).IsRequired();
        b.Property(s => s.ContactName).HasMaxLength(50).IsRequired();
        b.Property(s => s.ContactPhone).HasMaxLength(50).IsRequired();
        b.Property(s => s.ContactAddress).HasMaxLength(200).IsRequired();
        b.Property(s => s.ReviewBody).HasMaxLength(100).IsRequired();
        b.Property(s => s.Court).HasMaxLength(100).IsRequired();
        b.Property(s => s.UpdatedBy).HasMaxLength(256).IsRequired();
        b.HasOne<Department>().WithOne().HasForeignKey<NoticeSettings>(s => s.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(s => s.Data);
    }
}
