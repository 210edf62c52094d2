using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Credit;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<CreditRecord> CreditRecords => Set<CreditRecord>();
    public DbSet<Objection> Objections => Set<Objection>();
}
