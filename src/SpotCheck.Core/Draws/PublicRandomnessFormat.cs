using SpotCheck.Draw.Record;

namespace SpotCheck.Core.Draws;

/// <summary>The canonical public-randomness forms of draw-spec §6.4, several joined by ','; the rules live in <see cref="DrawRecordRules"/>.</summary>
public static class PublicRandomnessFormat
{
    public const int MinDiceDigits = 20;

    /// <summary>Null when canonical, else the zh-CN reason.</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "公共随机数不能为空";
        if (value.Length > 2000) return "公共随机数过长";
        return DrawRecordRules.FirstNonCanonicalPart(value) is { } part
            ? $"“{Shorten(part)}”不是规范格式：应为 dice:<至少{MinDiceDigits}位数字>、drand:<链>:<轮次>:<64位小写十六进制> 或 nist:<链>:<脉冲>:<128位小写十六进制>，多个来源用英文逗号连接"
            : null;
    }

    /// <inheritdoc cref="DrawRecordRules.DeclaredKinds"/>
    public static IReadOnlySet<string>? DeclaredKinds(string source) => DrawRecordRules.DeclaredKinds(source);

    /// <summary>Null when the canonical value uses exactly the declared kinds, else the zh-CN reason.</summary>
    public static string? CheckAgainst(string value, string declaredSource)
    {
        var declared = DeclaredKinds(declaredSource);
        if (declared is null) return null; // draws frozen before declarations were typed carry free text
        var used = DrawRecordRules.UsedKinds(value);
        return used.SetEquals(declared) ? null
            : $"录入的公共随机数类型（{DrawRecordRules.KindList(used)}）与冻结时声明的来源（{DrawRecordRules.KindList(declared)}）不一致";
    }

    static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
