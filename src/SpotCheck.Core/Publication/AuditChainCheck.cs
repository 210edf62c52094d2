using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Publication;

/// <summary>SPEC §2.10: the chain is verified before publication; publishing on a broken chain would hide the break.</summary>
static class AuditChainCheck
{
    public static async Task<Error?> BrokenAsync(AppDbContext db, CancellationToken ct)
    {
        var verified = await AuditChainVerifier.VerifyAsync(db, ct);
        return verified.Break is { } b
            ? new Error("audit.chain_broken", $"审计日志链在第 {b.Seq} 条处断裂（{b.Reason}），已停止公示，请立即通知系统管理员和监督人员", Kind: ErrorKind.Conflict)
            : null;
    }
}
