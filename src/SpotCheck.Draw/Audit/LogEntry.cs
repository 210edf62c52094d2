using System.Text.Json.Nodes;

namespace SpotCheck.Draw.Audit;

/// <summary>
/// One entry of the hash-chained audit log (draw-spec §7.1). <see cref="Ts"/> is the UTC text
/// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>; <see cref="DrawId"/> is JSON null for entries outside a draw.
/// </summary>
public sealed record LogEntry(
    long Seq, string Ts, string Type, string? DrawId, string Actor, JsonObject Payload, string Prev, string Hash)
{
    /// <summary>The entry as its JSON object, with or without <c>hash</c> (the form that is hashed).</summary>
    public JsonObject ToJson(bool includeHash = true)
    {
        var o = new JsonObject
        {
            ["seq"] = Seq,
            ["ts"] = Ts,
            ["type"] = Type,
            ["drawId"] = DrawId,
            ["actor"] = Actor,
            ["payload"] = Payload.DeepClone(),
            ["prev"] = Prev,
        };
        if (includeHash) o["hash"] = Hash;
        return o;
    }

    /// <summary>One JSON Lines line: the canonical form including the hash.</summary>
    public string ToJsonLine() => Json.Jcs.Serialize(ToJson());
}
