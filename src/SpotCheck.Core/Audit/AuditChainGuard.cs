using Microsoft.Extensions.Logging;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Audit;

/// <summary>
/// Verifies the chain since the last checkpoint before a ceremony step or a publication (draw-spec §7.4) and refuses
/// when it is broken, so nothing is drawn or published on a log that someone edited. Reached through
/// <see cref="AuditLog.EnsureChainIntactAsync"/>.
/// </summary>
public static class AuditChainGuard
{
    public const string BrokenCode = "audit.chain_broken";

    public static readonly EventId BrokenEvent = new(9001, "AuditChainBroken");

    public static async Task<Result> EnsureIntactAsync(AppDbContext db, TimeProvider clock, ILogger? log, CancellationToken ct)
    {
        var verified = await AuditChainVerifier.VerifySinceCheckpointAsync(db, ct);
        if (verified.Break is { } b)
        {
            log?.LogCritical(BrokenEvent, "Audit chain broken at seq {Seq}: {Reason}; ceremony steps and publications are refused", b.Seq, b.Reason);
            return BrokenError(b.Seq);
        }
        await AuditChainVerifier.RecordCheckpointAsync(db, verified, clock, ct);
        return Result.Ok();
    }

    public static Error BrokenError(long seq) => new(BrokenCode,
        $"审计日志哈希链校验未通过（第 {seq} 条起被改动、删除或重写），为保证抽取和公示可信，本操作已拒绝。请系统管理员立即核查审计日志。",
        Kind: ErrorKind.Conflict);
}
