using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Data;

/// <summary>
/// Runs a use case so that, of two people acting on the same thing at once, one wins and the other gets a clear
/// answer. When the save loses a race (another request changed the row first, or took a unique key such as "one open
/// draw per plan"), nothing of the attempt was written; the use case runs again on fresh data, where its own guards
/// name what changed ("监督方已提交承诺值" …) and answer 409.
/// </summary>
public static class SingleWinner
{
    const int Attempts = 4;

    public static readonly Error Busy = new("concurrency.conflict", "数据刚被他人修改，请刷新页面后重试", Kind: ErrorKind.Conflict);

    public static Task<Result> RunAsync(this AppDbContext db, Func<Task<Result>> attempt, CancellationToken ct = default) =>
        RunCoreAsync(db, attempt, e => e, ct);

    public static Task<Result<T>> RunAsync<T>(this AppDbContext db, Func<Task<Result<T>>> attempt, CancellationToken ct = default) =>
        RunCoreAsync(db, attempt, e => e, ct);

    static async Task<TResult> RunCoreAsync<TResult>(AppDbContext db, Func<Task<TResult>> attempt, Func<Error, TResult> fail, CancellationToken ct)
    {
        // Inside a caller's transaction the lost race must reach the caller, who owns the rollback.
        if (db.Database.CurrentTransaction is not null) return await attempt();
        for (var i = 1; ; i++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                return await attempt();
            }
            catch (DbUpdateException e) when (IsLostRace(e))
            {
                db.ChangeTracker.Clear();
                if (i == Attempts) return fail(Busy);
            }
        }
    }

    /// <summary>An optimistic-concurrency miss, a unique key taken by a concurrent insert, or a PostgreSQL serialization failure.</summary>
    public static bool IsLostRace(DbUpdateException e) =>
        e is DbUpdateConcurrencyException || e.InnerException is DbException inner && IsRaceCode(inner);

    public static bool IsRaceCode(DbException e) =>
        e.SqlState is "23505" or "40001" or "40P01"
        // SQLite names a UNIQUE violation in its message only; other constraint failures are bugs, not races.
        || e.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal);
}
