using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Reviews;

sealed class FollowUpActionConfiguration : IEntityTypeConfiguration<FollowUpAction>
{
    public void Configure(EntityTypeBuilder<FollowUpAction> b)
    {
        b.Property(f => f.Code).HasMaxLength(32).IsRequired();
        b.Property(f => f.Note).HasMaxLength(500);
        b.Property(f => f.State).HasConversion<string>().HasMaxLength(8);
        b.Property(f => f.ClosingNote).HasMaxLength(1000);
        b.Property(f => f.ClosedBy).HasMaxLength(256);
        b.HasOne<InspectionTask>().WithMany().HasForeignKey(f => f.TaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InspectionTask>().WithMany().HasForeignKey(f => f.RecheckTaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.TaskId, f.Code }).IsUnique();
    }
}
