namespace SpotCheck.Draw;

/// <summary>Lowercase hexadecimal as used in every hashed DRAW-v1 message (draw-spec §9.8).</summary>
public static class Hex
{
    public static string Lower(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>True for exactly <paramref name="length"/> lowercase hex characters.</summary>
    public static bool IsLowerHex(string? s, int length)
    {
        if (s is null || s.Length != length) return false;
        foreach (var c in s)
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f')) return false;
        return true;
    }
}
