using System.Text.Json;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Audit;
using SpotCheck.Draw.Json;

namespace SpotCheck.Core.Audit;

/// <summary>
/// Walks the stored chain from seq 1 (draw-spec §7.4: at start-up and before each publication), recomputing every
/// hash with <see cref="LogChain"/>, so the database and an exported file are judged by the same rule.
/// </summary>
public static class AuditChainVerifier
{
    public const int DefaultPageSize = 2000;

    public static async Task<ChainVerification> VerifyAsync(AppDbContext db, CancellationToken ct, int pageSize = DefaultPageSize)
    {
        var prev = LogChain.Genesis;
        long count = 0;
        await foreach (var entry in AuditReader.StreamAsync(db, pageSize, ct))
        {
            var position = count + 1;
            var problem = Check(entry, position, prev);
            if (problem is not null) return new ChainVerification(count, prev, new ChainBreak(position, problem));
            prev = entry.Hash;
            count = position;
        }
        return new ChainVerification(count, prev, null);
    }

    /// <summary>Throws <see cref="AuditChainBrokenException"/> at the first break.</summary>
    public static async Task<ChainVerification> EnsureIntactAsync(AppDbContext db, CancellationToken ct)
    {
        var result = await VerifyAsync(db, ct);
        if (result.Break is { } b) throw new AuditChainBrokenException(b.Seq, b.Reason);
        return result;
    }

    static string? Check(AuditEntry entry, long expectedSeq, string expectedPrev)
    {
        if (entry.Seq != expectedSeq) return $"seq gap (expected seq {expectedSeq}, found {entry.Seq})";
        if (entry.Prev != expectedPrev) return $"prev mismatch (expected {expectedPrev}, found {entry.Prev})";
        string computed;
        try
        {
            computed = LogChain.ComputeHash(entry.ToLogEntry());
        }
        catch (Exception e) when (e is JsonException or FormatException or JcsException)
        {
            return $"malformed entry ({e.Message})";
        }
        return computed == entry.Hash ? null : $"hash mismatch (computed {computed}, stored {entry.Hash})";
    }
}

/// <summary>The stored audit chain failed verification; the platform must not run on it.</summary>
public sealed class AuditChainBrokenException(long seq, string reason)
    : Exception($"audit log chain is broken at seq {seq}: {reason}")
{
    public long Seq { get; } = seq;
    public string Reason { get; } = reason;
}
