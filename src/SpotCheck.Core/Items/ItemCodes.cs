namespace SpotCheck.Core.Items;

/// <summary>Stable codes and zh-CN labels from domain.md §3.3 and §3.5.</summary>
public static class ItemCodes
{
    public static readonly IReadOnlyDictionary<string, string> Methods = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ONSITE"] = "实地检查",
        ["DOCUMENT"] = "书面检查",
        ["ADOPT_RESULT"] = "采信行政部门检查结果或专业意见",
        ["LAB_TEST"] = "检验检测",
        ["ONLINE"] = "网络监测",
        ["EXPERT_ASSIST"] = "委托专业机构辅助",
    };

    public static string Code(TargetType t) => t switch
    {
        TargetType.Enterprise => "ENTERPRISE",
        TargetType.Individual => "INDIVIDUAL",
        TargetType.Cooperative => "COOPERATIVE",
        TargetType.ForeignRep => "FOREIGN_REP",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    public static TargetType? ParseTargetType(string code) => code switch
    {
        "ENTERPRISE" => TargetType.Enterprise,
        "INDIVIDUAL" => TargetType.Individual,
        "COOPERATIVE" => TargetType.Cooperative,
        "FOREIGN_REP" => TargetType.ForeignRep,
        _ => null,
    };

    public static string Label(TargetType t) => t switch
    {
        TargetType.Enterprise => "企业",
        TargetType.Individual => "个体工商户",
        TargetType.Cooperative => "农民专业合作社",
        TargetType.ForeignRep => "外国企业常驻代表机构",
        _ => t.ToString(),
    };

    public static string Code(ItemCategory c) => c == ItemCategory.Key ? "KEY" : "GENERAL";

    public static ItemCategory? ParseCategory(string code) => code switch
    {
        "GENERAL" => ItemCategory.General,
        "KEY" => ItemCategory.Key,
        _ => null,
    };

    public static string Label(ItemCategory c) => c == ItemCategory.Key ? "重点" : "一般";

    public static string Label(ItemStatus s) => s switch
    {
        ItemStatus.Draft => "草稿",
        ItemStatus.Published => "已发布",
        ItemStatus.Retired => "已废止",
        _ => s.ToString(),
    };
}
