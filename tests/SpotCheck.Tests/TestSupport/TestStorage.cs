using Microsoft.Data.Sqlite;
using Npgsql;

namespace SpotCheck.Tests.TestSupport;

public enum DbProvider { Sqlite, Postgres }

/// <summary>
/// A temporary data directory and, for PostgreSQL, a uniquely named database on <c>TEST_PG_CONNECTION</c>.
/// Null when PostgreSQL is wanted but not configured and <c>SPOTCHECK_REQUIRE_PG</c> is not 1; with it set a missing
/// or broken server fails the test.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    public const string PostgresEnvironmentVariable = "TEST_PG_CONNECTION";
    public const string RequirePostgresEnvironmentVariable = "SPOTCHECK_REQUIRE_PG";

    readonly string? _dropDatabase;
    readonly string? _adminConnection;

    TestStorage(string dataDir, string? postgres, string? adminConnection, string? dropDatabase)
    {
        DataDir = dataDir;
        PostgresConnection = postgres;
        _adminConnection = adminConnection;
        _dropDatabase = dropDatabase;
    }

    public string DataDir { get; }
    public string? PostgresConnection { get; }

    public const string NotConfigured =
        $"PostgreSQL not configured ({PostgresEnvironmentVariable}) and not required ({RequirePostgresEnvironmentVariable})";

    public static bool PostgresRequired => Environment.GetEnvironmentVariable(RequirePostgresEnvironmentVariable) == "1";

    public static async Task<TestStorage?> CreateAsync(DbProvider provider)
    {
        var dir = Path.Combine(Path.GetTempPath(), "spotcheck-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        if (provider == DbProvider.Sqlite) return new TestStorage(dir, null, null, null);

        var server = Environment.GetEnvironmentVariable(PostgresEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (PostgresRequired)
                throw new InvalidOperationException($"{RequirePostgresEnvironmentVariable}=1 but {PostgresEnvironmentVariable} is not set");
            return null;
        }
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();
        var name = "spotcheck_host_" + Guid.NewGuid().ToString("N");
        try
        {
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        }
        catch (Exception e) when (!PostgresRequired && e is NpgsqlException)
        {
            return null;
        }
        return new TestStorage(dir, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), admin, name);
    }

    /// <summary>As <see cref="CreateAsync"/>, but a missing optional PostgreSQL skips the test instead of returning null.</summary>
    public static async Task<TestStorage> CreateOrSkipAsync(DbProvider provider)
    {
        var storage = await CreateAsync(provider);
        Skip.If(storage is null, NotConfigured);
        return storage!;
    }

    public async ValueTask DisposeAsync()
    {
        // Only this storage's pools: other tests' hosts keep their idle connections.
        using (var sqlite = new SqliteConnection(SpotCheck.Migrations.Sqlite.SqliteDatabase.ConnectionStringFor(DataDir))) SqliteConnection.ClearPool(sqlite);
        if (_dropDatabase is not null)
        {
            using (var pg = new NpgsqlConnection(SpotCheck.Migrations.Postgres.PostgresDatabase.WithoutJit(PostgresConnection!))) NpgsqlConnection.ClearPool(pg);
            await ExecuteAsync(_adminConnection!, $"DROP DATABASE IF EXISTS \"{_dropDatabase}\" WITH (FORCE)");
        }
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held by a background flush; the temp folder is cleaned by the OS.
        }
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
