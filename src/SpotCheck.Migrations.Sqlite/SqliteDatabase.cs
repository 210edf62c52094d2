using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SpotCheck.Core.Data;

namespace SpotCheck.Migrations.Sqlite;

public static class SqliteDatabase
{
    public static string ConnectionStringFor(string dataDir) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDir, "spotcheck.db"),
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .AddInterceptors(ConnectionSetup);

    static readonly SqliteConnectionSetup ConnectionSetup = new();
}

sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<AppDbContext>)SqliteDatabase.Configure(new DbContextOptionsBuilder<AppDbContext>(), "Data Source=design.db").Options);
}
