namespace SpotCheck.Draw.Record;

/// <summary>Shared rules for the public-randomness string and the trust label (draw-spec §6.4, §6.6).</summary>
public static class DrawRecordRules
{
    public const string TrustPublicRandomness = "PUBLIC_RANDOMNESS";
    public const string TrustIndependentParty = "NO_PUBLIC_RANDOMNESS";
    public const string TrustSingleParty = "SINGLE_PARTY_NO_PUBLIC_RANDOMNESS";

    /// <summary>Canonical sources are ASCII (drand:…, nist:…, dice:…) joined by ","; "|" would make the seed message ambiguous.</summary>
    public static void RequirePublicRandomness(string value, string field)
    {
        foreach (var c in value)
            if (c is < ' ' or > '~' or '|')
                throw new DrawInputException($"{field}: only printable ASCII without '|' is allowed");
    }

    /// <summary>draw-spec §6.6: fairness without public randomness rests on the parties; with one party, on that party alone.</summary>
    public static (string Code, string Label) Trust(string publicRandomness, int parties) =>
        publicRandomness.Length > 0
            ? (TrustPublicRandomness, "使用事先声明的公共随机数：结果在承诺之后才可确定")
            : parties > 1
                ? (TrustIndependentParty, "未使用公共随机数：仅当至少一名独立承诺方诚实时结果公平")
                : (TrustSingleParty, "未使用公共随机数且仅一名承诺方：公平性完全取决于该承诺方（其可反复尝试秘密值）");
}
