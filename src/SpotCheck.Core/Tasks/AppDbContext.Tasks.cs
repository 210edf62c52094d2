using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<InspectionTask> InspectionTasks => Set<InspectionTask>();
    public DbSet<TaskMember> TaskMembers => Set<TaskMember>();
    public DbSet<InspectionRecord> InspectionRecords => Set<InspectionRecord>();
}
