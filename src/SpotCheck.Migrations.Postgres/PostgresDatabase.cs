using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SpotCheck.Core.Data;

namespace SpotCheck.Migrations.Postgres;

public static class PostgresDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        BulkCopyExtension.Use(builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name)),
            BulkCopy);

    static readonly PostgresBulkCopy BulkCopy = new();
}

sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<AppDbContext>)PostgresDatabase.Configure(new DbContextOptionsBuilder<AppDbContext>(), "Host=localhost;Database=spotcheck_design").Options);
}
