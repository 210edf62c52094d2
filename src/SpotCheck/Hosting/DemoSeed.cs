using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Demo;

namespace SpotCheck.Hosting;

static class DemoSeed
{
    /// <summary>Arbitrary application-wide key for pg_advisory_lock ("SPOTDEMO").</summary>
    const long PostgresKey = 0x5350_4F54_4445_4D4F;

    /// <summary>
    /// Directories, the completed previous year and the open current-year plan; nothing when all are there. Instances
    /// started together take turns (a PostgreSQL session lock, or a lock file in the SQLite data directory): the first
    /// seeds, the others wait and find the data there.
    /// </summary>
    public static async Task RunAsync(IServiceProvider services, Storage storage, ILogger log, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await using var turn = storage.IsPostgres ? await PostgresTurnAsync(db, ct) : await FileTurnAsync(storage, ct);
        var added = await DemoData.SeedAsync(db, services.GetRequiredService<AuditLog>(), services.GetRequiredService<TimeProvider>(), ct);
        log.LogInformation("Demo data (西平县): {Added} records and workflow steps added", added);
    }

    static async Task<IAsyncDisposable> PostgresTurnAsync(AppDbContext db, CancellationToken ct)
    {
        // The context keeps this connection open until the unlock, so the session lock covers every transaction of the seed.
        await db.Database.OpenConnectionAsync(ct);
        // Polled rather than waited for in one statement: the winner may seed for longer than a command timeout.
        while (!await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_lock({PostgresKey}) AS \"Value\"").SingleAsync(ct))
            await Task.Delay(250, ct);
        return new Release(async () =>
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({PostgresKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        });
    }

    /// <summary>FileShare.None is an exclusive flock on Linux, released by the kernel if the holder dies.</summary>
    static async Task<IAsyncDisposable> FileTurnAsync(Storage storage, CancellationToken ct)
    {
        var path = Path.Combine(storage.DataDir, "demo-seed.lock");
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new Release(() => stream.DisposeAsync());
            }
            catch (IOException)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    sealed class Release(Func<ValueTask> release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => release();
    }
}
