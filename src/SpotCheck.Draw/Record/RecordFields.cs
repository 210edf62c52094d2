using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Json;

namespace SpotCheck.Draw.Record;

/// <summary>
/// Typed reads of a scanned record (<see cref="RecordJsonScan"/>) and the discrepancy lines of the verifier. Every
/// message names the field by its full path; the in-browser verifier (wwwroot/js/verify) words them identically.
/// </summary>
internal static class RecordFields
{
    public static DrawInputException Fail(string message) => new(message);

    public static void Expect(string expected, string got, string field)
    {
        if (expected != got) throw Fail($"{field}: expected {expected}, got {got}");
    }

    public static string Str(JsonNode? o, string key, string path) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Fail($"{path}: missing or not a string");

    public static string Str(JsonNode? node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Fail($"{path}: missing or not a string");

    /// <summary>A string, or null when the field is JSON null or absent.</summary>
    public static string? StrOrNull(JsonObject o, string key, string path) => o[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw Fail($"{path}: must be a string or null"),
    };

    public static long Int(JsonNode? o, string key, string path) => Int(o?[key], path);

    public static long Int(JsonNode? node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<long>() : throw Fail($"{path}: missing or not an integer");

    /// <summary>An integer field that the algorithm uses as a count: 0 … 2^31 − 1.</summary>
    public static int Count(JsonObject o, string key, string path)
    {
        var value = Int(o, key, path);
        return value is >= 0 and <= int.MaxValue ? (int)value : throw Fail($"{path}: {value} is outside 0…{int.MaxValue}");
    }

    public static JsonObject Obj(JsonNode? o, string key, string path) => Obj(o?[key], path);

    public static JsonObject Obj(JsonNode? node, string path) => node as JsonObject ?? throw Fail($"{path}: missing or not an object");

    public static JsonArray Arr(JsonNode? o, string key, string path) => o?[key] as JsonArray ?? throw Fail($"{path}: missing or not an array");

    /// <summary>Refuses keys outside <paramref name="allowed"/>, the first in ordinal order.</summary>
    public static void OnlyKeys(JsonObject o, string path, params string[] allowed)
    {
        foreach (var key in o.Select(p => p.Key).Order(StringComparer.Ordinal))
            if (Array.IndexOf(allowed, key) < 0) throw Fail(path.Length == 0 ? $"{key}: not expected" : $"{path}.{key}: not expected");
    }

    public static DateOnly Date(string s, string path) =>
        IsDate(s, out var d) ? d : throw Fail($"{path}: \"{DrawIds.Printable(s)}\" is not a date (yyyy-MM-dd)");

    public static bool IsDate(string s, out DateOnly date)
    {
        date = default;
        return Shaped(s, "dddd-dd-dd") && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>UTC instants in the fixed-width log format, so they also compare as strings.</summary>
    public static string Time(string s, string path) =>
        Shaped(s, "dddd-dd-ddTdd:dd:dd.dddZ")
        && DateTime.TryParseExact(s, Audit.LogChain.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? s : throw Fail($"{path}: \"{DrawIds.Printable(s)}\" is not yyyy-MM-ddTHH:mm:ss.fffZ");

    /// <summary>Fixed-width text: 'd' stands for an ASCII digit, every other character for itself.</summary>
    static bool Shaped(string s, string shape)
    {
        if (s.Length != shape.Length) return false;
        for (var i = 0; i < s.Length; i++)
            if (shape[i] == 'd' ? !char.IsAsciiDigit(s[i]) : s[i] != shape[i]) return false;
        return true;
    }

    /// <summary>First difference between the recomputed and the published JSON, as "path: expected X, got Y".</summary>
    public static void Compare(JsonNode? expected, JsonNode? got, string path)
    {
        switch (expected)
        {
            case JsonArray e when got is JsonArray g:
                for (var i = 0; i < Math.Min(e.Count, g.Count); i++) Compare(e[i], g[i], $"{path}[{i}]");
                if (e.Count != g.Count) throw Fail($"{path}: expected {e.Count} entries, got {g.Count}");
                return;
            case JsonObject e when got is JsonObject g:
                foreach (var (key, value) in e) Compare(value, g[key], $"{path}.{key}");
                foreach (var key in g.Select(p => p.Key).Order(StringComparer.Ordinal))
                    if (!e.ContainsKey(key)) throw Fail($"{path}.{key}: not expected");
                return;
            default:
                var want = expected is null ? "null" : Jcs.Serialize(expected);
                var have = got is null ? "null" : Jcs.Serialize(got);
                if (want != have) throw Fail($"{path}: expected {Unquote(want)}, got {Unquote(have)}");
                return;
        }
    }

    static string Unquote(string json) => json.Length > 1 && json[0] == '"' ? json[1..^1] : json;
}
