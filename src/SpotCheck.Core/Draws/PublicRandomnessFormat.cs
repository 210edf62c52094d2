using System.Text.RegularExpressions;

namespace SpotCheck.Core.Draws;

/// <summary>The canonical public-randomness forms of draw-spec §6.4, several joined by ','.</summary>
public static partial class PublicRandomnessFormat
{
    public const int MinDiceDigits = 20;

    [GeneratedRegex("^(dice:[0-9]{20,}|drand:[0-9A-Za-z_.-]{1,64}:[0-9]{1,20}:[0-9a-f]{64}|nist:[0-9A-Za-z_.-]{1,64}:[0-9]{1,20}:[0-9a-f]{128})$")]
    private static partial Regex Part();

    /// <summary>Null when canonical, else the zh-CN reason.</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "公共随机数不能为空";
        if (value.Length > 2000) return "公共随机数过长";
        foreach (var part in value.Split(','))
            if (!Part().IsMatch(part))
                return $"“{Shorten(part)}”不是规范格式：应为 dice:<至少{MinDiceDigits}位数字>、drand:<链>:<轮次>:<64位小写十六进制> 或 nist:<链>:<脉冲>:<128位小写十六进制>，多个来源用英文逗号连接";
        return null;
    }

    public static readonly IReadOnlyList<string> Kinds = ["dice", "drand", "nist"];

    /// <summary>
    /// The kinds a declared source names before its first colon (ASCII or full-width), joined by '+', e.g.
    /// "dice：两名人员现场掷骰" or "drand+dice：…"; null when the declaration does not start with known kinds.
    /// </summary>
    public static IReadOnlySet<string>? DeclaredKinds(string source)
    {
        var end = source.IndexOfAny([':', '：']);
        var head = (end < 0 ? source : source[..end]).Trim();
        var kinds = head.Split('+', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return kinds.Count > 0 && kinds.All(k => Kinds.Contains(k, StringComparer.Ordinal)) ? kinds : null;
    }

    /// <summary>Null when the canonical value uses exactly the declared kinds, else the zh-CN reason.</summary>
    public static string? CheckAgainst(string value, string declaredSource)
    {
        var declared = DeclaredKinds(declaredSource);
        if (declared is null) return null; // draws frozen before declarations were typed carry free text
        var used = value.Split(',').Select(p => p[..p.IndexOf(':')]).ToHashSet(StringComparer.Ordinal);
        return used.SetEquals(declared) ? null
            : $"录入的公共随机数类型（{string.Join("+", used.Order(StringComparer.Ordinal))}）与冻结时声明的来源（{string.Join("+", declared.Order(StringComparer.Ordinal))}）不一致";
    }

    static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
