using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Publication;

/// <summary>
/// Totals and other aggregates of the portal's lists, computed once per state of the platform instead of on every
/// request. Every change of published content (公示, 更正, demo removal) is an audit entry, so the audit head's seq
/// names the state: a total counted at seq N stays exact until the next entry. One computation runs per key at a time;
/// concurrent requests for the same key wait for it.
/// </summary>
public sealed class PublicTotals
{
    const int MaxKeys = 10_000;

    readonly ConcurrentDictionary<(long Generation, string Key), Lazy<Task<object>>> _values = new();

    /// <summary>The audit head's seq (0 for an empty log): changes whenever anything public may have changed.</summary>
    public static async Task<long> GenerationAsync(AppDbContext db, CancellationToken ct) =>
        await db.AuditEntries.MaxAsync(e => (long?)e.Seq, ct) ?? 0;

    public async Task<T> GetAsync<T>(long generation, string key, Func<Task<T>> compute) where T : notnull
    {
        if (_values.Count > MaxKeys) _values.Clear();
        var k = (generation, key);
        while (true)
        {
            var mine = new Lazy<Task<object>>(async () => await compute());
            var shared = _values.GetOrAdd(k, mine);
            try
            {
                return (T)await shared.Value;
            }
            catch when (!ReferenceEquals(shared, mine))
            {
                // Another request's computation failed (e.g. that request was cancelled): compute again with this one's own.
                _values.TryRemove(new(k, shared));
            }
            catch
            {
                _values.TryRemove(new(k, shared));
                throw;
            }
        }
    }
}
