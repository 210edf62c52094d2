using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Audit;
using SpotCheck.Draw.Json;

namespace SpotCheck.Core.Audit;

/// <summary>
/// Walks the stored chain recomputing every hash with <see cref="LogChain"/>, so the database and an exported file are
/// judged by the same rule (draw-spec §7.4): in full from seq 1, or from the last verified checkpoint, whose entry must
/// still be there with the verified hash (a deleted tail or a rewritten chain is a break, not a shorter chain).
/// </summary>
public static class AuditChainVerifier
{
    public const int DefaultPageSize = 2000;

    public static async Task<ChainVerification> VerifyAsync(AppDbContext db, CancellationToken ct, int pageSize = DefaultPageSize) =>
        await WalkAsync(db, AuditHead.Empty, ct, pageSize);

    /// <summary>Checks the last checkpoint's entry, then only the entries after it; from seq 1 when there is none.</summary>
    public static async Task<ChainVerification> VerifySinceCheckpointAsync(AppDbContext db, CancellationToken ct, int pageSize = DefaultPageSize)
    {
        var checkpoint = await LastCheckpointAsync(db, ct);
        if (checkpoint is null) return await VerifyAsync(db, ct, pageSize);
        var entry = await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Seq == checkpoint.Seq, ct);
        if (entry is null)
        {
            var head = await AuditReader.HeadAsync(db, ct);
            return Broken(checkpoint.Seq,
                $"entry missing: the head is at seq {head.Seq}, below the verified checkpoint at seq {checkpoint.Seq} (entries deleted)");
        }
        if (HashProblem(entry) is { } problem) return Broken(checkpoint.Seq, problem);
        if (entry.Hash != checkpoint.Hash)
            return Broken(checkpoint.Seq, $"checkpoint mismatch (verified {checkpoint.Hash}, stored {entry.Hash}): the chain was rewritten");
        return await WalkAsync(db, new AuditHead(checkpoint.Seq, checkpoint.Hash), ct, pageSize);
    }

    /// <summary>Verifies since the last checkpoint, records the verified head as the next one, and returns it.</summary>
    /// <exception cref="AuditChainBrokenException">At the first break.</exception>
    public static async Task<ChainVerification> EnsureIntactAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var result = await VerifySinceCheckpointAsync(db, ct);
        if (result.Break is { } b) throw new AuditChainBrokenException(b.Seq, b.Reason);
        await RecordCheckpointAsync(db, result, clock, ct);
        return result;
    }

    public static Task<AuditCheckpoint?> LastCheckpointAsync(AppDbContext db, CancellationToken ct) =>
        db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Seq).FirstOrDefaultAsync(ct);

    /// <summary>Idempotent: another instance may record the same head at the same moment.</summary>
    public static async Task RecordCheckpointAsync(AppDbContext db, ChainVerification verified, TimeProvider clock, CancellationToken ct)
    {
        if (!verified.IsIntact || verified.Count == 0) return;
        var seq = verified.Count;
        var hash = verified.Head;
        var at = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"AuditCheckpoints\" (\"Seq\", \"Hash\", \"VerifiedAtUtc\") VALUES ({seq}, {hash}, {at}) ON CONFLICT DO NOTHING", ct);
    }

    static async Task<ChainVerification> WalkAsync(AppDbContext db, AuditHead from, CancellationToken ct, int pageSize)
    {
        var prev = from.Hash;
        var count = from.Seq;
        await foreach (var entry in AuditReader.StreamAsync(db, pageSize, ct, after: from.Seq))
        {
            var position = count + 1;
            var problem = Check(entry, position, prev);
            if (problem is not null) return new ChainVerification(count, prev, new ChainBreak(position, problem));
            prev = entry.Hash;
            count = position;
        }
        return new ChainVerification(count, prev, null);
    }

    static ChainVerification Broken(long seq, string reason) => new(seq - 1, LogChain.Genesis, new ChainBreak(seq, reason));

    static string? Check(AuditEntry entry, long expectedSeq, string expectedPrev)
    {
        if (entry.Seq != expectedSeq) return $"seq gap (expected seq {expectedSeq}, found {entry.Seq})";
        if (entry.Prev != expectedPrev) return $"prev mismatch (expected {expectedPrev}, found {entry.Prev})";
        return HashProblem(entry);
    }

    static string? HashProblem(AuditEntry entry)
    {
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
