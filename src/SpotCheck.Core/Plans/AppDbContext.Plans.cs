using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Plans;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<Plan> Plans => Set<Plan>();
}
