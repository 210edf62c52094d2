using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Transfer;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();
}
