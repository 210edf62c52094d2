using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Tests.TestSupport;

/// <summary>
/// Runs the same kind of request from several "people" at the same moment: each on its own connection and audit
/// log, all released together once every one of them is ready.
/// </summary>
static class Race
{
    public static async Task<T[]> RunAsync<T>(TestDatabase database, TimeProvider clock, int people, Func<int, AppDbContext, AuditLog, Task<T>> act)
    {
        using var ready = new CountdownEvent(people);
        using var go = new ManualResetEventSlim();
        var runners = Enumerable.Range(0, people).Select(i => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            await db.Database.OpenConnectionAsync(); // connect before the start, so all start at once
            ready.Signal();
            go.Wait();
            return await act(i, db, new AuditLog(db, clock));
        })).ToArray();
        ready.Wait();
        go.Set();
        return await Task.WhenAll(runners);
    }
}
