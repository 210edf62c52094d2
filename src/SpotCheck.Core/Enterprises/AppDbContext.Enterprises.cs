using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<EnterpriseTag> EnterpriseTags => Set<EnterpriseTag>();
    public DbSet<EnterpriseChange> EnterpriseChanges => Set<EnterpriseChange>();
}
