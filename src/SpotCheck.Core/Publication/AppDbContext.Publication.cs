using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Publication;

namespace SpotCheck.Core.Data;

public sealed partial class AppDbContext
{
    public DbSet<PublicationBatch> PublicationBatches => Set<PublicationBatch>();
    public DbSet<PublishedResult> PublishedResults => Set<PublishedResult>();
    public DbSet<PublishedResultItem> PublishedResultItems => Set<PublishedResultItem>();
    public DbSet<PublishedResultDepartment> PublishedResultDepartments => Set<PublishedResultDepartment>();
}
