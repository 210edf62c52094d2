using System.Globalization;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Audit;

namespace SpotCheck.Core.Audit;

/// <summary>
/// One link of the global hash chain (draw-spec §7.1). Rows are only ever inserted: database triggers reject
/// UPDATE and DELETE. Every column is stored as the text that was hashed, so verification needs no conversions.
/// </summary>
public sealed class AuditEntry
{
    public long Seq { get; init; }

    /// <summary>UTC instant as hashed: <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
    public required string Ts { get; init; }

    public required string Type { get; init; }
    public string? DrawId { get; init; }
    public required string Actor { get; init; }

    /// <summary>The payload object as its canonical (RFC 8785) JSON text.</summary>
    public required string Payload { get; init; }

    public required string Prev { get; init; }
    public required string Hash { get; init; }

    public DateTime TimestampUtc =>
        DateTime.ParseExact(Ts, LogChain.TimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>The entry in the form LogChain hashes and <c>audit verify</c> reads.</summary>
    public LogEntry ToLogEntry() =>
        new(Seq, Ts, Type, DrawId, Actor, ParsePayload(), Prev, Hash);

    JsonObject ParsePayload() =>
        JsonNode.Parse(Payload) as JsonObject ?? throw new FormatException($"audit entry {Seq}: payload is not a JSON object");
}
