using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Reviews;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<FollowUpAction> FollowUpActions => Set<FollowUpAction>();
}
