using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Migrations.Postgres;
using SpotCheck.Migrations.Sqlite;

namespace SpotCheck.Hosting;

/// <summary>Where state lives: a data directory (SQLite database, evidence files) and optionally PostgreSQL.</summary>
public sealed record Storage(string DataDir, string? PostgresConnection)
{
    public const string PostgresEnvironmentVariable = "ConnectionStrings__Postgres";

    public bool IsPostgres => PostgresConnection is not null;

    /// <summary>Explicit options win; then the ConnectionStrings__Postgres environment variable; then SQLite under ./data.</summary>
    public static Storage Resolve(string? dataDir, string? db)
    {
        var dir = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDir) ? "data" : dataDir);
        var pg = string.IsNullOrWhiteSpace(db) ? Environment.GetEnvironmentVariable(PostgresEnvironmentVariable) : db;
        return new Storage(dir, string.IsNullOrWhiteSpace(pg) ? null : pg);
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (PostgresConnection is { } pg) PostgresDatabase.Configure(builder, pg);
        else SqliteDatabase.Configure(builder, SqliteDatabase.ConnectionStringFor(DataDir));
    }

    public DbContextOptions<AppDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Configure(builder);
        return builder.Options;
    }

    public void EnsureDataDir() => Directory.CreateDirectory(DataDir);
}
