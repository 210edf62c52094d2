using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Json;

namespace SpotCheck.Core.Audit;

/// <summary>
/// The platform's log as JSON Lines, which <c>audit verify</c> accepts: one entry object per line, keys in the order
/// of draw-spec §7.1, values written canonically and the payload exactly as stored.
/// </summary>
public static class AuditExport
{
    public static async Task<long> WriteJsonLinesAsync(AppDbContext db, TextWriter output, CancellationToken ct,
        int pageSize = AuditChainVerifier.DefaultPageSize)
    {
        long count = 0;
        var line = new StringBuilder();
        await foreach (var entry in AuditReader.StreamAsync(db, pageSize, ct))
        {
            line.Clear();
            AppendJsonLine(line, entry);
            await output.WriteAsync(line, ct);
            count++;
        }
        await output.FlushAsync(ct);
        return count;
    }

    public static string ToJsonLine(AuditEntry entry) => AppendJsonLine(new StringBuilder(), entry).ToString();

    static StringBuilder AppendJsonLine(StringBuilder line, AuditEntry e) => line
        .Append("{\"seq\":").Append(e.Seq.ToString(CultureInfo.InvariantCulture))
        .Append(",\"ts\":").Append(Text(e.Ts))
        .Append(",\"type\":").Append(Text(e.Type))
        .Append(",\"drawId\":").Append(e.DrawId is null ? "null" : Text(e.DrawId))
        .Append(",\"actor\":").Append(Text(e.Actor))
        .Append(",\"payload\":").Append(e.Payload)
        .Append(",\"prev\":").Append(Text(e.Prev))
        .Append(",\"hash\":").Append(Text(e.Hash))
        .Append("}\n");

    static string Text(string value) => Jcs.Serialize(JsonValue.Create(value));
}
