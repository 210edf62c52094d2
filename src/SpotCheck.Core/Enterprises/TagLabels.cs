namespace SpotCheck.Core.Enterprises;

/// <summary>Risk tags (domain.md R14) in words; an industry tag a clerk typed is shown as written.</summary>
public static class TagLabels
{
    static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["BLACKLIST"] = "严重失信主体名单",
        ["ABNORMAL_LIST"] = "经营异常名录",
        ["SERIOUS_VIOLATION"] = "严重违法失信名单",
        ["FREQUENT_COMPLAINTS"] = "投诉举报较多",
        // Set when a check found the registered address unreachable (result code UNREACHABLE).
        ["ADDRESS_UNREACHABLE"] = "通过登记住所无法联系",
    };

    public static string Of(string tag) => Labels.GetValueOrDefault(tag, tag);
}
