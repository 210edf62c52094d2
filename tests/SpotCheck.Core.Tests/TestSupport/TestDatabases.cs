using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpotCheck.Core.Data;
using SpotCheck.Migrations.Postgres;
using SpotCheck.Migrations.Sqlite;

namespace SpotCheck.Core.Tests.TestSupport;

public enum DbProvider { Sqlite, Postgres }

/// <summary>
/// A real, empty, migrated database of its own for one test, brought up through the start-up path
/// (<see cref="DatabaseInitializer"/>): a SQLite file in a temporary directory, or a uniquely named PostgreSQL
/// database on <c>TEST_PG_CONNECTION</c>. Each <see cref="CreateContext"/> opens a separate connection.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    readonly Func<Task> _drop;

    TestDatabase(DbProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public DbProvider Provider { get; }
    public string ConnectionString { get; }

    public DbContextOptions<AppDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        if (Provider == DbProvider.Sqlite) SqliteDatabase.Configure(builder, ConnectionString);
        else PostgresDatabase.Configure(builder, ConnectionString);
        return builder.Options;
    }

    public AppDbContext CreateContext() => new(Options());

    public ValueTask DisposeAsync() => new(_drop());

    /// <summary>
    /// The database. When PostgreSQL is wanted but not configured or unreachable the test is reported as skipped
    /// (it must be a <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>), unless <c>SPOTCHECK_REQUIRE_PG</c> is 1:
    /// then a missing or broken server fails the test.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(DbProvider provider)
    {
        var db = await CreateEmptyAsync(provider);
        try
        {
            await using var context = db.CreateContext();
            await DatabaseInitializer.InitializeAsync(context, CancellationToken.None);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>A database with no schema at all (start-up has not run), skipped like <see cref="CreateAsync"/>.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DbProvider provider)
    {
        var db = provider == DbProvider.Sqlite ? CreateSqlite() : await CreatePostgresAsync();
        Skip.If(db is null, $"PostgreSQL not configured ({PostgresEnvironmentVariable}) and not required ({RequirePostgresEnvironmentVariable})");
        return db!;
    }

    /// <summary>Both providers, for <c>[MemberData]</c>.</summary>
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    public const string PostgresEnvironmentVariable = "TEST_PG_CONNECTION";
    public const string RequirePostgresEnvironmentVariable = "SPOTCHECK_REQUIRE_PG";

    public static bool PostgresRequired => Environment.GetEnvironmentVariable(RequirePostgresEnvironmentVariable) == "1";

    static TestDatabase CreateSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "spotcheck-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var connectionString = SqliteDatabase.ConnectionStringFor(dir);
        return new TestDatabase(DbProvider.Sqlite, connectionString, () =>
        {
            using (var connection = new SqliteConnection(connectionString)) SqliteConnection.ClearPool(connection);
            Directory.Delete(dir, recursive: true);
            return Task.CompletedTask;
        });
    }

    static async Task<TestDatabase?> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (PostgresRequired)
                throw new InvalidOperationException($"{RequirePostgresEnvironmentVariable}=1 but {PostgresEnvironmentVariable} is not set");
            return null;
        }
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        var name = "spotcheck_test_" + Guid.NewGuid().ToString("N");
        try
        {
            await ExecuteAsync(admin.ConnectionString, $"CREATE DATABASE \"{name}\"");
        }
        catch (Exception e) when (!PostgresRequired && e is NpgsqlException)
        {
            return null;
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase(DbProvider.Postgres, connectionString, async () =>
        {
            using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
            await ExecuteAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
