using System.Text.Json.Nodes;
using SpotCheck.Core.Audit;
using SpotCheck.Draw.Record;

namespace SpotCheck.Core.Draws;

/// <summary>
/// Frame-error substitutions of a draw (draw-spec §4.2) live in its SUBSTITUTION audit entries of kind FRAME_ERROR.
/// Replaying them in log order through <see cref="DrawRecordBuilder.Substitute"/> both rebuilds the record's
/// <c>substitutions</c> and marks their substitutes as used for the next one.
/// </summary>
public static class DrawSubstitutions
{
    public const string AuditType = "SUBSTITUTION";
    public const string FrameErrorKind = "FRAME_ERROR";

    /// <summary>USCC → how it entered or left the sample by a frame-error substitution, for display.</summary>
    public static Dictionary<string, string> Labels(IEnumerable<AuditEntry> drawEntries)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in drawEntries.Where(e => e.Type == AuditType).OrderBy(e => e.Seq))
        {
            var p = JsonNode.Parse(e.Payload)!.AsObject();
            if (p["kind"]?.GetValue<string>() != FrameErrorKind) continue;
            var replaced = p["replaced"]!.GetValue<string>();
            var substitute = p["substitute"]!.GetValue<string>();
            labels.TryAdd(replaced, "名录错误，已替换");
            labels[substitute] = $"替补（替换 {replaced}，本层第{p["stratumRank"]!.GetValue<int>()}位）";
        }
        return labels;
    }

    /// <summary>Replays the frame-error entries (any order; sorted by seq here) into a builder that has selected.</summary>
    public static int Replay(DrawRecordBuilder builder, IEnumerable<AuditEntry> drawEntries)
    {
        var count = 0;
        foreach (var e in drawEntries.Where(e => e.Type == AuditType).OrderBy(e => e.Seq))
        {
            var p = JsonNode.Parse(e.Payload)!.AsObject();
            if (p["kind"]?.GetValue<string>() != FrameErrorKind) continue;
            var replaced = p["replaced"]!.GetValue<string>();
            var recorded = p["substitute"]!.GetValue<string>();
            var next = builder.Substitute(replaced, p["reason"]!.GetValue<string>());
            if (next?.Id != recorded)
                throw new InvalidOperationException($"draw {e.DrawId}: substitution at seq {e.Seq} no longer recomputes ({recorded} vs {next?.Id ?? "none"})");
            count++;
        }
        return count;
    }
}
