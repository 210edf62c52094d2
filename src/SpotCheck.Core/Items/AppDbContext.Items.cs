using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Items;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<InspectionItem> InspectionItems => Set<InspectionItem>();
}
