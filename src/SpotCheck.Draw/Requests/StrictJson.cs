using System.Globalization;
using System.Text.Json;

namespace SpotCheck.Draw.Requests;

/// <summary>Typed reads of request JSON that reject anything SPEC §4 "Strict input" forbids, naming the field.</summary>
internal static class StrictJson
{
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string what)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            throw new DrawInputException($"{what}: malformed JSON{where}");
        }
    }

    public static void RequireObject(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new DrawInputException($"{field}: must be a JSON object");
    }

    public static void RejectUnknown(JsonElement obj, string field, params string[] known)
    {
        foreach (var p in obj.EnumerateObject())
            if (System.Array.IndexOf(known, p.Name) < 0)
                throw new DrawInputException($"{Join(field, p.Name)}: unknown field");
    }

    public static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static bool TryGet(JsonElement obj, string name, out JsonElement value) => obj.TryGetProperty(name, out value);

    public static JsonElement Require(JsonElement obj, string name, string field)
    {
        if (!obj.TryGetProperty(name, out var value)) throw new DrawInputException($"{field}: missing");
        return value;
    }

    public static string String(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.String) throw new DrawInputException($"{field}: must be a string, got {Kind(e)}");
        return e.GetString()!;
    }

    public static long Integer(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.Number) throw new DrawInputException($"{field}: must be a JSON integer, got {Kind(e)}");
        var raw = e.GetRawText();
        var digits = raw.StartsWith('-') ? raw[1..] : raw;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            throw new DrawInputException($"{field}: must be a JSON integer, got {raw}");
        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || Math.Abs(value) > (1L << 53) - 1)
            throw new DrawInputException($"{field}: {raw} is out of range");
        return value;
    }

    public static int Int32(JsonElement e, string field)
    {
        var value = Integer(e, field);
        if (value is < int.MinValue or > int.MaxValue) throw new DrawInputException($"{field}: {value} is out of range");
        return (int)value;
    }

    public static bool Boolean(JsonElement e, string field) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new DrawInputException($"{field}: must be true or false, got {Kind(e)}"),
    };

    /// <summary>Calendar dates are YYYY-MM-DD and nothing else.</summary>
    public static DateOnly Date(JsonElement e, string field) => ParseDate(String(e, field), field);

    public static DateOnly ParseDate(string text, string field)
    {
        if (text.Length != 10 || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                              || !text.Where((_, i) => i is not (4 or 7)).All(char.IsAsciiDigit))
            throw new DrawInputException($"{field}: \"{DrawIds.Printable(text)}\" is not a date YYYY-MM-DD");
        return date;
    }

    public static JsonElement Array(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.Array) throw new DrawInputException($"{field}: must be a JSON array, got {Kind(e)}");
        return e;
    }

    public static JsonElement Object(JsonElement e, string field)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new DrawInputException($"{field}: must be a JSON object, got {Kind(e)}");
        return e;
    }

    static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };
}
