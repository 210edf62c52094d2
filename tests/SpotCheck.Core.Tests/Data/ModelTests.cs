using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Migrations.Postgres;
using SpotCheck.Migrations.Sqlite;

namespace SpotCheck.Core.Tests.Data;

public sealed class ModelTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new AppDbContext((DbContextOptions<AppDbContext>)SqliteDatabase
            .Configure(new DbContextOptionsBuilder<AppDbContext>(), "Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "run scripts/regen-migrations.sh");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = new AppDbContext((DbContextOptions<AppDbContext>)PostgresDatabase
            .Configure(new DbContextOptionsBuilder<AppDbContext>(), "Host=localhost;Database=model_check").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "run scripts/regen-migrations.sh");
    }
}
