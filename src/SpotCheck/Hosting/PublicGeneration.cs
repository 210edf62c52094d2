using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SpotCheck.Core.Data;
using SpotCheck.Core.Publication;

namespace SpotCheck.Hosting;

/// <summary>
/// The platform's state generation (the audit head's seq: every state change is an audit entry) as the portal's
/// caches key on it. Reading it is one indexed query, yet at thousands of portal requests a second even that query is
/// the bottleneck, so the value is re-read at most every <see cref="MaxAge"/>, and at once after a commit on this
/// instance (this type also intercepts SaveChanges and transaction commits). Another instance's change is seen within
/// <see cref="MaxAge"/>.
/// </summary>
public sealed class PublicGeneration(TimeProvider clock) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(250);

    long _value = -1;
    long _readAt;
    volatile bool _changed = true;

    public async ValueTask<long> CurrentAsync(HttpContext context)
    {
        var now = clock.GetTimestamp();
        if (!_changed && Interlocked.Read(ref _value) >= 0 && clock.GetElapsedTime(Interlocked.Read(ref _readAt), now) < MaxAge)
            return Interlocked.Read(ref _value);
        // Cleared before the read: a commit that lands during the read marks the value stale again.
        _changed = false;
        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var value = await PublicTotals.GenerationAsync(db, context.RequestAborted);
        Interlocked.Exchange(ref _value, value);
        Interlocked.Exchange(ref _readAt, now);
        return value;
    }

    void Changed() => _changed = true;

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Changed();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Changed();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Changed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Changed();
        return Task.CompletedTask;
    }
}
