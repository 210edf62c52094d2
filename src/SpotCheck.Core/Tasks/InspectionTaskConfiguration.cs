using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Plans;

namespace SpotCheck.Core.Tasks;

sealed class InspectionTaskConfiguration : IEntityTypeConfiguration<InspectionTask>
{
    public void Configure(EntityTypeBuilder<InspectionTask> b)
    {
        b.ToTable("InspectionTasks");
        b.Property(t => t.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.DrawId).HasMaxLength(64);
        b.PrimitiveCollection(t => t.ItemIds).IsRequired();
        b.Property(t => t.Basis).HasMaxLength(1000).IsRequired();
        b.Property(t => t.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(t => t.FrameErrorReason).HasMaxLength(500);
        b.HasOne<InspectionTask>().WithOne().HasForeignKey<InspectionTask>(t => t.ReplacesTaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(t => t.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InspectionTask>().WithMany().HasForeignKey(t => t.RecheckOfTaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.DrawId, t.EnterpriseId }).IsUnique();
        b.HasIndex(t => t.EnterpriseId);
        b.HasIndex(t => t.PlanId);
        b.HasIndex(t => t.State);
        // The task list's order (work to do first, nearest due date first) served by one index. Same SQL on both providers.
        // It also holds what the department scope reads (plan, department): a page's ids are cut from the index alone.
        b.Property(t => t.IsFinished).HasComputedColumnSql("\"State\" IN ('Approved', 'Published', 'Replaced')", stored: true);
        b.HasIndex(t => new { t.IsFinished, t.DueDate, t.Id, t.PlanId, t.DepartmentId });
        b.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(t => t.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(t => t.ItemIdList);
        b.Ignore(t => t.ActiveMembers);
        b.Ignore(t => t.Leader);
        b.Ignore(t => t.IsRandom);
        b.Ignore(t => t.IsShortStaffed);
    }
}

sealed class TaskMemberConfiguration : IEntityTypeConfiguration<TaskMember>
{
    public void Configure(EntityTypeBuilder<TaskMember> b)
    {
        b.Property(m => m.Ticket).HasMaxLength(64);
        b.Property(m => m.WithdrawnReason).HasMaxLength(500);
        b.HasOne<Officer>().WithMany().HasForeignKey(m => m.OfficerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.OfficerId, m.IsActive });
        b.HasIndex(m => new { m.TaskId, m.TicketOrder }).IsUnique();
    }
}
