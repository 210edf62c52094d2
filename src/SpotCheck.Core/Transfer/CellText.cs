using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Transfer;

/// <summary>How cells typed on Chinese keyboards and saved by Excel are read: codes, dates and escaped formulas.</summary>
public static partial class CellText
{
    /// <summary>
    /// A code cell (USCC, region, officer, department and item codes, certificate and phone numbers) with full-width
    /// letters, digits and symbols (U+FF01–U+FF5E, the ideographic space) turned half-width by NFKC. Any other
    /// character NFKC would change (①, ², Ⅲ, ㈠ …) is refused: turning it into a digit or letter would be a guess.
    /// </summary>
    public static Result<string?> Code(string? raw, string label) =>
        TryCode(raw, out var value, out var refused) ? value : RefusedCode(refused, label);

    /// <summary><see cref="Code"/> without allocating on the hot path; <paramref name="refused"/> is the character that cannot be converted.</summary>
    public static bool TryCode(string? raw, out string? value, out char refused)
    {
        refused = default;
        value = raw;
        if (raw is null) return true;
        if (Ascii.IsValid(raw) || raw.IsNormalized(NormalizationForm.FormKC))
        {
            value = raw.Trim();
            return true;
        }
        foreach (var c in raw)
        {
            if (IsFullWidth(c) || char.IsSurrogate(c) || c.ToString().IsNormalized(NormalizationForm.FormKC)) continue;
            refused = c;
            return false;
        }
        value = raw.Normalize(NormalizationForm.FormKC).Trim();
        return true;
    }

    public static Error RefusedCode(char refused, string label) =>
        new("import.width", $"{label}中的“{refused}”不能自动转换：只有全角字母、数字和符号会转为半角，请改为半角字母或数字", label);

    static bool IsFullWidth(char c) => c is >= '\uFF01' and <= '\uFF5E' or '\u3000';

    /// <summary>
    /// A calendar day as clerks write it: 2028-03-01, 2028-3-1, 2028/3/1, 2028.3.1, 2028年3月1日, 20280301 (full-width
    /// digits too, a midnight time is ignored). Excel date cells arrive here already as ISO text.
    /// </summary>
    public static Result<DateOnly> Date(string? raw, string label)
    {
        var text = raw is null ? "" : raw.Normalize(NormalizationForm.FormKC).Trim();
        var m = DatePattern().Match(text);
        if (m.Success
            && int.TryParse(m.Groups["y"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(m.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var mo)
            && int.TryParse(m.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && y >= 1 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
            return new DateOnly(y, mo, d);
        return text.Length == 0
            ? new Error("import.date", $"{label}不能为空", label)
            : new Error("import.date", $"{label}“{raw!.Trim()}”不是有效日期，应写作 2028-03-01、2028/3/1 或 2028年3月1日", label);
    }

    [GeneratedRegex(@"^(?:(?<y>\d{4})([-/.])(?<m>\d{1,2})\1(?<d>\d{1,2})|(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日?|(?<y>\d{4})(?<m>\d{2})(?<d>\d{2}))(?:\s+0{1,2}:00(?::00)?)?$")]
    private static partial Regex DatePattern();

    /// <summary>
    /// OWASP CSV injection: a cell starting with = + - @ tab or CR is a formula to a spreadsheet, so the export puts a
    /// ' before it (and before a cell already starting with ' followed by one of them, so that unescaping is exact).
    /// </summary>
    public static string EscapeFormula(string value)
    {
        var i = 0;
        while (i < value.Length && value[i] == '\'') i++;
        return i < value.Length && IsFormulaStart(value[i]) ? "'" + value : value;
    }

    /// <summary>The inverse of <see cref="EscapeFormula"/>, applied to every text cell read.</summary>
    public static string UnescapeFormula(string value)
    {
        if (value.Length < 2 || value[0] != '\'') return value;
        var i = 1;
        while (i < value.Length && value[i] == '\'') i++;
        return i < value.Length && IsFormulaStart(value[i]) ? value[1..] : value;
    }

    static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
