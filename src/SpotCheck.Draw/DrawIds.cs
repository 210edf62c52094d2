namespace SpotCheck.Draw;

/// <summary>The identifier charsets of draw-spec §2.3; nothing is trimmed or case-folded.</summary>
public static class DrawIds
{
    public const int MaxIdLength = 64;
    public const int MaxCodeLength = 32;
    public const string IdPattern = "^[0-9A-Za-z_.-]{1,64}$";
    public const string CodePattern = "^[0-9A-Za-z_.-]{1,32}$";

    /// <summary>Target, officer, draw and party ids.</summary>
    public static bool IsValidId(string? s) => IsValid(s, MaxIdLength);

    /// <summary>Stratum and department codes.</summary>
    public static bool IsValidCode(string? s) => IsValid(s, MaxCodeLength);

    public static bool IsValidId(ReadOnlySpan<byte> ascii) => IsValid(ascii, MaxIdLength);

    /// <summary>An id inside a longer text (a snapshot line), without copying it out.</summary>
    public static bool IsValidId(ReadOnlySpan<char> id) => IsValid(id, MaxIdLength);

    public static bool IsValidCode(ReadOnlySpan<byte> ascii) => IsValid(ascii, MaxCodeLength);

    static bool IsValid(string? s, int max) => s is not null && IsValid(s.AsSpan(), max);

    static bool IsValid(ReadOnlySpan<char> s, int max) => s.Length > 0 && s.Length <= max && !s.ContainsAnyExcept(IdChars);

    static readonly System.Buffers.SearchValues<char> IdChars =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.-");

    static bool IsValid(ReadOnlySpan<byte> s, int max)
    {
        if (s.Length == 0 || s.Length > max) return false;
        foreach (var b in s)
            if (!IsIdByte(b)) return false;
        return true;
    }

    static bool IsIdByte(byte b) =>
        b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')
            or (byte)'_' or (byte)'.' or (byte)'-';

    /// <summary>The id and its reason when it is not acceptable, for "field: reason" messages.</summary>
    public static string DescribeBadId(string value) => $"\"{Printable(value)}\" is not a valid id ({IdPattern})";

    public static string DescribeBadCode(string value) => $"\"{Printable(value)}\" is not a valid code ({CodePattern})";

    /// <summary>Keeps an error message on one line whatever the offending input holds.</summary>
    public static string Printable(string value)
    {
        var clipped = value.Length > 80 ? value[..80] + "…" : value;
        return string.Concat(clipped.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}

/// <summary>Input that violates draw-spec or the SPEC §4 request rules; the message names the field and the reason.</summary>
public sealed class DrawInputException(string message) : Exception(message);
