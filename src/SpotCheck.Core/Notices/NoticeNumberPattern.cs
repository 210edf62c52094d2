using System.Globalization;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Notices;

/// <summary>
/// A 文号 pattern such as <c>西科工检通〔{year}〕{seq}号</c>. GB/T 9704-2012 §7.2.4: the year in full inside 六角括号,
/// the sequence number without 第 and without leading zeros — so both placeholders print plain Arabic numerals.
/// </summary>
public static class NoticeNumberPattern
{
    public const string Year = "{year}";
    public const string Seq = "{seq}";
    public const int MaxLength = 60;

    public static string Format(string pattern, int year, int seq) => pattern
        .Replace(Year, year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace(Seq, seq.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Null when the pattern is usable; otherwise the reason, on <paramref name="field"/>.</summary>
    public static Error? Validate(string? pattern, string field, string label)
    {
        var p = pattern?.Trim() ?? "";
        if (p.Length == 0) return new Error("notice.pattern", $"{label}不能为空", field);
        if (p.Length > MaxLength) return new Error("notice.pattern", $"{label}不能超过{MaxLength}个字符", field);
        if (p.Any(char.IsControl)) return new Error("notice.pattern", $"{label}不能包含换行等控制字符", field);
        if (Count(p, Year) != 1 || Count(p, Seq) != 1)
            return new Error("notice.pattern", $"{label}必须恰好包含一次 {Year}（年份）和一次 {Seq}（顺序号），例如 西科工检通〔{Year}〕{Seq}号", field);
        var rest = p.Replace(Year, "", StringComparison.Ordinal).Replace(Seq, "", StringComparison.Ordinal);
        if (rest.IndexOfAny(['{', '}']) >= 0)
            return new Error("notice.pattern", $"{label}只能使用 {Year} 和 {Seq} 两个占位符", field);
        if (!rest.Any(char.IsLetter)) return new Error("notice.pattern", $"{label}除占位符外还应包含机关代字，例如 西科工检通〔{Year}〕{Seq}号", field);
        return null;
    }

    static int Count(string text, string token)
    {
        var n = 0;
        for (var i = text.IndexOf(token, StringComparison.Ordinal); i >= 0; i = text.IndexOf(token, i + token.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
