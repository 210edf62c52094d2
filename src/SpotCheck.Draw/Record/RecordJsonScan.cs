using System.Text;
using System.Text.Json;

namespace SpotCheck.Draw.Record;

/// <summary>
/// The first check of a record file, before any field is read: the bytes are UTF-8 JSON holding one object, no property
/// is given twice, every number is an integer within ±(2^53 − 1) and no string holds a lone surrogate. Whatever passes
/// reads the same in every JSON parser (a browser's included), so the verifier and the in-browser check see one record.
/// The first problem in document order is reported; a syntax error anywhere outranks them all.
/// </summary>
public static class RecordJsonScan
{
    public const int MaxDepth = 64;
    const long MaxSafeInteger = 9007199254740991;

    sealed class Frame(bool isObject, string path)
    {
        public bool IsObject { get; } = isObject;
        public string Path { get; } = path;
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
        public string? Key { get; set; }
        public int Index { get; set; } = -1;
    }

    /// <summary>Null when the bytes are a record-shaped JSON document, else the discrepancy line.</summary>
    public static string? Problem(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        if (!System.Text.Unicode.Utf8.IsValid(utf8)) return Malformed;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var stack = new Stack<Frame>();
        string? first = null;
        bool root = true, notObject = false;
        try
        {
            while (reader.Read())
            {
                if (root) notObject = reader.TokenType != JsonTokenType.StartObject;
                root = false;
                if (notObject) continue; // only a syntax error would still outrank it
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = stack.Peek();
                        if (!TryGetString(ref reader, out var key))
                        {
                            first ??= $"{frame.Path}: a property name holds a lone surrogate";
                            frame.Key = "\uFFFD";
                        }
                        else
                        {
                            frame.Key = key;
                            if (!frame.Keys.Add(key)) first ??= $"{Child(stack)}: duplicate property";
                        }
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var path = stack.Count == 0 ? "record" : Child(stack);
                        stack.Push(new Frame(reader.TokenType == JsonTokenType.StartObject, path));
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.Pop();
                        continue;
                    case JsonTokenType.String:
                        if (!TryGetString(ref reader, out _)) first ??= $"{Child(stack)}: string holds a lone surrogate";
                        continue;
                    case JsonTokenType.Number:
                        var literal = Encoding.ASCII.GetString(reader.ValueSpan);
                        if (!IsSafeInteger(literal)) first ??= $"{Child(stack)}: number {literal} is not an integer within ±(2^53−1)";
                        continue;
                    default:
                        Child(stack);
                        continue;
                }
            }
        }
        catch (JsonException)
        {
            return Malformed;
        }
        return root ? Malformed : notObject ? NotAnObject : first;
    }

    public const string Malformed = "record: malformed JSON";
    public const string NotAnObject = "record: must be a JSON object";

    /// <summary>The path of the value being read: the current key, or the next index of the current array.</summary>
    static string Child(Stack<Frame> stack)
    {
        var frame = stack.Peek();
        if (frame.IsObject) return frame.Path == "record" ? frame.Key! : $"{frame.Path}.{frame.Key}";
        frame.Index++;
        return $"{frame.Path}[{frame.Index}]";
    }

    static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }

    static bool IsSafeInteger(string literal)
    {
        var digits = literal.StartsWith('-') ? literal[1..] : literal;
        if (digits.Length is 0 or > 16 || !digits.All(char.IsAsciiDigit) || (digits.Length > 1 && digits[0] == '0')) return false;
        return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) <= MaxSafeInteger;
    }
}
