using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Draws;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<DrawSession> DrawSessions => Set<DrawSession>();
    public DbSet<DrawSelection> DrawSelections => Set<DrawSelection>();
    public DbSet<LatestTeam> LatestTeams => Set<LatestTeam>();
}
