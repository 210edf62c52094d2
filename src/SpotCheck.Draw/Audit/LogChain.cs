using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Json;

namespace SpotCheck.Draw.Audit;

/// <summary>Hashing and verification of the audit chain (draw-spec §7).</summary>
public static class LogChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    static readonly string[] EntryKeys = ["seq", "ts", "type", "drawId", "actor", "payload", "prev", "hash"];

    public static string FormatTimestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>hex(SHA-256(JCS(entry without hash))).</summary>
    public static string ComputeHash(long seq, string ts, string type, string? drawId, string actor, JsonObject payload, string prev) =>
        ComputeHash(new LogEntry(seq, ts, type, drawId, actor, payload, prev, ""));

    public static string ComputeHash(LogEntry entry) => HashOf(entry.ToJson(includeHash: false));

    /// <summary>Builds the entry that follows <paramref name="previousHash"/>, with its hash filled in.</summary>
    public static LogEntry Create(long seq, DateTimeOffset ts, string type, string? drawId, string actor, JsonObject payload, string previousHash)
    {
        var entry = new LogEntry(seq, FormatTimestamp(ts), type, drawId, actor, payload, previousHash, "");
        return entry with { Hash = ComputeHash(entry) };
    }

    static string HashOf(JsonObject withoutHash) => Hex.Lower(SHA256.HashData(Jcs.SerializeToUtf8Bytes(withoutHash)));

    /// <summary>
    /// Walks a JSON Lines export from seq 1. The first break is reported at the chain position where it occurs
    /// (the seq that entry should have), which for an intact prefix equals the entry's own seq.
    /// </summary>
    public static ChainVerification Verify(TextReader jsonl)
    {
        var prev = Genesis;
        long count = 0;
        while (jsonl.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var position = count + 1;
            var check = CheckLine(line, position, prev, out var entryHash);
            if (check is not null) return new ChainVerification(count, prev, new ChainBreak(position, check));
            prev = entryHash;
            count = position;
        }
        return new ChainVerification(count, prev, null);
    }

    public static ChainVerification Verify(IEnumerable<LogEntry> entries)
    {
        var writer = new StringWriter();
        foreach (var e in entries) writer.WriteLine(e.ToJsonLine());
        return Verify(new StringReader(writer.ToString()));
    }

    static string? CheckLine(string line, long expectedSeq, string expectedPrev, out string hash)
    {
        hash = "";
        JsonObject obj;
        try
        {
            obj = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                  ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException e)
        {
            return $"malformed line ({e.Message})";
        }
        var shape = CheckShape(obj);
        if (shape is not null) return $"malformed line ({shape})";

        var seq = obj["seq"]!.GetValue<long>();
        if (seq != expectedSeq) return $"seq gap (expected seq {expectedSeq}, found {seq})";
        var prev = obj["prev"]!.GetValue<string>();
        if (prev != expectedPrev) return $"prev mismatch (expected {expectedPrev}, found {prev})";
        var stated = obj["hash"]!.GetValue<string>();
        obj.Remove("hash");
        string computed;
        try
        {
            computed = HashOf(obj);
        }
        catch (JcsException e)
        {
            return $"malformed line ({e.Message})";
        }
        if (computed != stated) return $"hash mismatch (computed {computed}, stated {stated})";
        hash = stated;
        return null;
    }

    static string? CheckShape(JsonObject obj)
    {
        foreach (var (key, _) in obj)
            if (Array.IndexOf(EntryKeys, key) < 0) return $"unexpected field {key}";
        foreach (var key in EntryKeys)
            if (!obj.ContainsKey(key)) return $"missing field {key}";
        if (obj["seq"] is not JsonValue seq || seq.GetValueKind() != JsonValueKind.Number || !seq.TryGetValue<long>(out _))
            return "seq must be an integer";
        if (!IsString(obj["ts"], out var ts) || !DateTime.TryParseExact(ts, TimestampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.None, out _))
            return "ts must be yyyy-MM-ddTHH:mm:ss.fffZ";
        if (!IsString(obj["type"], out var type) || type.Length == 0) return "type must be a non-empty string";
        if (obj["drawId"] is not null && !IsString(obj["drawId"], out _)) return "drawId must be a string or null";
        if (!IsString(obj["actor"], out _)) return "actor must be a string";
        if (obj["payload"] is not JsonObject) return "payload must be an object";
        if (!IsString(obj["prev"], out var prev) || !Hex.IsLowerHex(prev, 64)) return "prev must be 64 lowercase hex";
        if (!IsString(obj["hash"], out var hash) || !Hex.IsLowerHex(hash, 64)) return "hash must be 64 lowercase hex";
        return null;
    }

    static bool IsString(JsonNode? node, out string value)
    {
        value = "";
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return false;
        value = v.GetValue<string>();
        return true;
    }
}

/// <summary>Result of walking a chain: entries checked before any break, the last good hash, and the first break.</summary>
public sealed record ChainVerification(long Count, string Head, ChainBreak? Break)
{
    public bool IsIntact => Break is null;

    /// <summary>The line <c>spotcheck audit verify</c> prints.</summary>
    public override string ToString() =>
        Break is null ? $"OK {Count} entries head={Head}" : $"BROKEN at seq {Break.Seq}: {Break.Reason}";
}

public sealed record ChainBreak(long Seq, string Reason);
