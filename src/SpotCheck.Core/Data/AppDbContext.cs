using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Identity;

namespace SpotCheck.Core.Data;

/// <summary>
/// The one database context; provider-neutral (the host picks SQLite or PostgreSQL).
/// Each feature folder adds its DbSets in a partial file and its mappings as IEntityTypeConfiguration.
/// </summary>
/// <remarks>
/// Migrations, one assembly per provider:
/// <code>
/// dotnet ef migrations add NAME --project src/SpotCheck.Migrations.Sqlite --startup-project src/SpotCheck.Migrations.Sqlite
/// dotnet ef migrations add NAME --project src/SpotCheck.Migrations.Postgres --startup-project src/SpotCheck.Migrations.Postgres
/// </code>
/// </remarks>
public sealed partial class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        VersionedModel.ConfigureRowVersions(builder);
        ConfigureScopes(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CheckScopeAsync(CancellationToken.None).GetAwaiter().GetResult();
        VersionedModel.RaiseRowVersions(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await CheckScopeAsync(cancellationToken);
        VersionedModel.RaiseRowVersions(this);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
