namespace SpotCheck.Draw;

/// <summary>统一社会信用代码 check of draw-spec §2.4 (GB 32100, with the optional GB 11714 organization code).</summary>
public static class Uscc
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Null when <paramref name="code"/> (already uppercased) is a valid USCC, else the reason.</summary>
    public static string? Check(string code)
    {
        if (code.Length != 18) return $"length {code.Length}, expected 18";
        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var v = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (v < 0) return $"character '{code[i]}' at position {i + 1} is not in the USCC alphabet";
            if (i < 17) sum += v * Weights[i];
        }
        var expected = Alphabet[(31 - sum % 31) % 31];
        return code[17] == expected ? null : $"check character '{code[17]}', expected '{expected}'";
    }

    public static bool IsValid(string code) => Check(code) is null;

    /// <summary>Null when positions 9–17 form a valid GB 11714 organization code, else the reason (optional check).</summary>
    public static string? CheckOrganizationCode(string uscc)
    {
        if (IsValid(uscc) is false) return "not a valid USCC";
        var org = uscc.AsSpan(8, 9);
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = org[i];
            int v = c switch { >= '0' and <= '9' => c - '0', >= 'A' and <= 'Z' => c - 'A' + 10, _ => -1 };
            if (v < 0) return $"organization code character '{c}' is invalid";
            sum += v * OrgWeights[i];
        }
        var check = 11 - sum % 11;
        var expected = check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
        return org[8] == expected ? null : $"organization code check '{org[8]}', expected '{expected}'";
    }
}
