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

    /// <param name="backgroundCheckpoints">
    /// For a long-running process that runs a <see cref="SqliteCheckpointer"/>: its commits leave the log to it instead of
    /// checkpointing a large write inline (half a second of a freeze's 25 MB snapshot). Other processes (the CLI)
    /// keep SQLite's automatic checkpoints.
    /// </param>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString, bool backgroundCheckpoints = false) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .AddInterceptors(backgroundCheckpoints ? BackgroundCheckpoints : AutomaticCheckpoints);

    static readonly SqliteConnectionSetup AutomaticCheckpoints = new(backgroundCheckpoints: false);
    static readonly SqliteConnectionSetup BackgroundCheckpoints = new(backgroundCheckpoints: true);
}

sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<AppDbContext>)SqliteDatabase.Configure(new DbContextOptionsBuilder<AppDbContext>(), "Data Source=design.db").Options);
}
