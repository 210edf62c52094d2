using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Evidence;

sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        b.Property(e => e.FileName).HasMaxLength(255).IsRequired();
        b.Property(e => e.ContentType).HasMaxLength(64).IsRequired();
        b.Property(e => e.ThumbnailSha256).HasMaxLength(64);
        b.Property(e => e.ExifTakenAt).HasMaxLength(32);
        b.Property(e => e.ExifGps).HasMaxLength(64);
        b.Property(e => e.UploadedBy).HasMaxLength(256).IsRequired();
        b.HasOne<InspectionTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.TaskId);
        b.Ignore(e => e.IsImage);
    }
}
