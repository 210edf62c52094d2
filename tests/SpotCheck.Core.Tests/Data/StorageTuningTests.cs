using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Migrations.Sqlite;

namespace SpotCheck.Core.Tests.Data;

/// <summary>How the two databases store and copy large writes: the server's SQLite log is copied back off the request, PostgreSQL keeps snapshot texts uncompressed.</summary>
public sealed class StorageTuningTests
{
    [SkippableFact]
    public async Task Snapshot_texts_are_stored_out_of_line_without_compression_on_postgres()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT attname, attstorage FROM pg_attribute
            WHERE attrelid = '"DrawSnapshots"'::regclass AND atttypid = 'bytea'::regtype ORDER BY attname
            """, connection);
        var storage = new Dictionary<string, char>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) storage[reader.GetString(0)] = reader.GetChar(1);
        Assert.Equal(["Conflicts", "Excluded", "Inspectors", "Population", "PreviousTeams"], storage.Keys.Order(StringComparer.Ordinal));
        Assert.All(storage.Values, s => Assert.Equal('e', s)); // e = EXTERNAL: out of line, never compressed
    }

    [SkippableFact]
    public async Task Postgres_sessions_run_without_jit_unless_the_connection_string_sets_it()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Postgres);
        await using (var db = database.CreateContext())
            Assert.Equal("off", await db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync());
        var chosen = SpotCheck.Migrations.Postgres.PostgresDatabase.WithoutJit(database.ConnectionString + ";Options=-c jit=on");
        await using var connection = new NpgsqlConnection(chosen);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('jit')", connection);
        Assert.Equal("on", await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_large_commit_is_copied_into_the_database_by_the_committer_or_by_the_background_checkpointer(bool background)
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var options = (DbContextOptions<AppDbContext>)SqliteDatabase.Configure(new DbContextOptionsBuilder<AppDbContext>(), database.ConnectionString, background).Options;
        await using (var db = new AppDbContext(options))
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE Filler (Data BLOB)");
            var before = new FileInfo(file).Length;
            // 8 MB: 2,000 pages, twice SQLite's automatic checkpoint threshold.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Filler VALUES (randomblob(8 * 1024 * 1024))");
            var grown = new FileInfo(file).Length - before;
            if (!background)
            {
                Assert.True(grown > 8_000_000, $"the committing connection checkpoints: the file grew by {grown} bytes");
                return;
            }
            Assert.True(grown < 1_000_000, $"a server connection leaves the log to the checkpointer: the file grew by {grown} bytes");
        }

        var checkpointer = new SqliteCheckpointer(database.ConnectionString);
        Assert.Equal(0, await checkpointer.CheckpointAsync());
        Assert.True(new FileInfo(file).Length > 8_000_000);

        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        await checkpointer.RunAsync(TimeProvider.System, e => Assert.Fail(e.Message), stop.Token); // stopping truncates the log
        Assert.Equal(0, new FileInfo(file + "-wal").Length);
    }
}
