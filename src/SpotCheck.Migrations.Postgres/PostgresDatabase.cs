using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;
using SpotCheck.Core.Data;

namespace SpotCheck.Migrations.Postgres;

public static class PostgresDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        BulkCopyExtension.Use(builder.UseNpgsql(WithoutJit(connectionString), o => o.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name)),
            BulkCopy);

    /// <summary>
    /// Sessions run with PostgreSQL's JIT off unless the connection string's Options say otherwise. SpotCheck's queries
    /// are pages and reports over indexes that take milliseconds to a few hundred; a report over 100,000 tasks is costed
    /// above jit_above_cost, and compiling it took 25–100 ms per query, as long as running it.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (b.Options?.Contains("jit", StringComparison.Ordinal) == true) return connectionString;
        b.Options = string.IsNullOrWhiteSpace(b.Options) ? "-c jit=off" : b.Options + " -c jit=off";
        return b.ConnectionString;
    }

    static readonly PostgresBulkCopy BulkCopy = new();
}

sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<AppDbContext>)PostgresDatabase.Configure(new DbContextOptionsBuilder<AppDbContext>(), "Host=localhost;Database=spotcheck_design").Options);
}
