using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Officers;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<OfficerConflict> OfficerConflicts => Set<OfficerConflict>();
}
