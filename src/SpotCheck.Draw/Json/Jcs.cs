using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpotCheck.Draw.Json;

/// <summary>
/// RFC 8785 canonical JSON (draw-spec §7.2) for the integer-only documents DRAW-v1 hashes: keys ordered by UTF-16
/// code units, no whitespace, raw UTF-8 text, integers within ±(2^53 − 1).
/// </summary>
public static class Jcs
{
    public const long MaxSafeInteger = 9007199254740991;

    public static string Serialize(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node, "$");
        return sb.ToString();
    }

    public static byte[] SerializeToUtf8Bytes(JsonNode? node) =>
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(Serialize(node));

    static void Write(StringBuilder sb, JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                var keys = obj.Select(p => p.Key).ToArray();
                Array.Sort(keys, string.CompareOrdinal);
                sb.Append('{');
                for (var i = 0; i < keys.Length; i++)
                {
                    if (i > 0) sb.Append(',');
                    WriteString(sb, keys[i], path);
                    sb.Append(':');
                    Write(sb, obj[keys[i]], path + "." + keys[i]);
                }
                sb.Append('}');
                break;
            case JsonArray arr:
                sb.Append('[');
                for (var i = 0; i < arr.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(sb, arr[i], $"{path}[{i}]");
                }
                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value, path);
                break;
        }
    }

    static void WriteValue(StringBuilder sb, JsonValue value, string path)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                // A value built from e.g. a DateTime or Guid is a JSON string without being a .NET string.
                WriteString(sb, value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString())!, path);
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null:
                sb.Append("null");
                break;
            case JsonValueKind.Number:
                sb.Append(CanonicalInteger(value.ToJsonString(), path).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new JcsException($"{path}: unsupported JSON value");
        }
    }

    /// <summary>DRAW-v1 documents hold integers only; an integral literal such as 2.0 or 1e3 is written as 2 or 1000.</summary>
    static long CanonicalInteger(string literal, string path)
    {
        if (!decimal.TryParse(literal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var d))
            throw new JcsException($"{path}: number {literal} is out of range (integers within ±(2^53−1) only)");
        if (d != decimal.Truncate(d))
            throw new JcsException($"{path}: number {literal} is not an integer");
        if (d > MaxSafeInteger || d < -MaxSafeInteger)
            throw new JcsException($"{path}: integer {literal} is outside ±(2^53−1)");
        return (long)d;
    }

    static void WriteString(StringBuilder sb, string s, string path)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case < ' ':
                    sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        throw new JcsException($"{path}: string holds a lone surrogate at index {i}");
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }
}

/// <summary>A value that RFC 8785 with DRAW-v1's integer-only rule cannot represent.</summary>
public sealed class JcsException(string message) : Exception(message);
