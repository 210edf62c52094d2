using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpotCheck.Core.Tasks;

sealed class InspectionRecordConfiguration : IEntityTypeConfiguration<InspectionRecord>
{
    public void Configure(EntityTypeBuilder<InspectionRecord> b)
    {
        b.Property(r => r.Place).HasMaxLength(200).IsRequired();
        b.Property(r => r.Methods).HasMaxLength(200).IsRequired();
        b.Property(r => r.ChecklistJson).IsRequired();
        b.Property(r => r.Findings).HasMaxLength(4000).IsRequired();
        b.Property(r => r.Results).HasMaxLength(1000).IsRequired();
        b.Property(r => r.ResultOtherText).HasMaxLength(500);
        b.Property(r => r.FollowUps).HasMaxLength(500).IsRequired();
        b.Property(r => r.FollowUpOtherText).HasMaxLength(500);
        b.Property(r => r.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.ReturnReason).HasMaxLength(1000);
        b.Property(r => r.ReviewedBy).HasMaxLength(256);
        b.HasOne<InspectionTask>().WithOne().HasForeignKey<InspectionRecord>(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.TaskId).IsUnique();
        b.HasIndex(r => r.PublicationDeadline);
        b.Ignore(r => r.MethodList);
        b.Ignore(r => r.ResultList);
        b.Ignore(r => r.FollowUpList);
        b.Ignore(r => r.ChecklistLines);
    }
}
