using System.Text.RegularExpressions;

namespace SpotCheck.Draw.Record;

/// <summary>Shared rules for the public-randomness string, its declared source and the trust label (draw-spec §6.3–6.6).</summary>
public static partial class DrawRecordRules
{
    public const string TrustPublicRandomness = "PUBLIC_RANDOMNESS";
    public const string TrustIndependentParty = "NO_PUBLIC_RANDOMNESS";
    public const string TrustSingleParty = "SINGLE_PARTY_NO_PUBLIC_RANDOMNESS";

    public static readonly IReadOnlyList<string> Kinds = ["dice", "drand", "nist"];

    /// <summary>The blanks a typed declaration may carry around its kinds (ASCII, no-break and ideographic spaces).</summary>
    static readonly char[] Blanks = [' ', '\t', '\u00A0', '\u3000'];

    [GeneratedRegex(@"\A(dice:[0-9]{20,}|drand:[0-9A-Za-z_.-]{1,64}:[0-9]{1,20}:[0-9a-f]{64}|nist:[0-9A-Za-z_.-]{1,64}:[0-9]{1,20}:[0-9a-f]{128})\z")]
    private static partial Regex CanonicalPart();

    /// <summary>Canonical sources are ASCII (drand:…, nist:…, dice:…) joined by ","; "|" would make the seed message ambiguous.</summary>
    public static void RequirePublicRandomness(string value, string field)
    {
        foreach (var c in value)
            if (c is < ' ' or > '~' or '|')
                throw new DrawInputException($"{field}: only printable ASCII without '|' is allowed");
    }

    /// <summary>
    /// draw-spec §6.4: <c>dice:&lt;20+ digits&gt;</c>, <c>drand:&lt;chain&gt;:&lt;round&gt;:&lt;64 hex&gt;</c> or
    /// <c>nist:&lt;chain&gt;:&lt;pulse&gt;:&lt;128 hex&gt;</c>, several joined by ','. Returns the first part that is not.
    /// </summary>
    public static string? FirstNonCanonicalPart(string value) => value.Split(',').FirstOrDefault(p => !CanonicalPart().IsMatch(p));

    /// <summary>The kinds a canonical public-randomness value uses, e.g. {drand, dice}.</summary>
    public static IReadOnlySet<string> UsedKinds(string canonicalValue) =>
        canonicalValue.Split(',').Select(p => p[..p.IndexOf(':')]).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The kinds a declared source names before its first colon (ASCII or full-width), joined by '+', e.g.
    /// "dice：两名人员现场掷骰" or "drand+dice：…"; null when the declaration does not start with known kinds.
    /// </summary>
    public static IReadOnlySet<string>? DeclaredKinds(string source)
    {
        var end = source.IndexOfAny([':', '：']);
        var head = (end < 0 ? source : source[..end]).Trim(Blanks);
        var kinds = head.Split('+').Select(k => k.Trim(Blanks)).ToHashSet(StringComparer.Ordinal);
        return kinds.Count > 0 && kinds.All(k => Kinds.Contains(k, StringComparer.Ordinal)) ? kinds : null;
    }

    /// <summary>Kinds as written in messages: ordinal order, joined by '+'.</summary>
    public static string KindList(IEnumerable<string> kinds) => string.Join("+", kinds.Order(StringComparer.Ordinal));

    /// <summary>draw-spec §6.6: fairness without public randomness rests on the parties; with one party, on that party alone.</summary>
    public static (string Code, string Label) Trust(string publicRandomness, int parties) =>
        publicRandomness.Length > 0
            ? (TrustPublicRandomness, "使用事先声明的公共随机数：结果在承诺之后才可确定")
            : parties > 1
                ? (TrustIndependentParty, "未使用公共随机数：仅当至少一名独立承诺方诚实时结果公平")
                : (TrustSingleParty, "未使用公共随机数且仅一名承诺方：公平性完全取决于该承诺方（其可反复尝试秘密值）");
}
