using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Evidence;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
}
