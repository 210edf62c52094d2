namespace SpotCheck.Core.Tasks;

/// <summary>domain.md §3.1 (检查结果, with item-specific findings) and §3.2 (后续处置) codes and labels.</summary>
public static class RecordCodes
{
    public const string NoProblem = "NO_PROBLEM";
    public const string Other = "OTHER";
    public const string Rectify = "RECTIFY";
    public const string TransferCase = "TRANSFER_CASE";
    public const string CreditRecord = "CREDIT_RECORD";

    public static readonly IReadOnlyDictionary<string, string> Results = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [NoProblem] = "未发现问题",
        ["PROBLEM_PENDING"] = "发现问题待后续处理",
        ["ANNUAL_REPORT_NOT_PUBLISHED"] = "未按规定公示年报信息",
        ["INSTANT_INFO_NOT_PUBLISHED"] = "未按规定公示即时信息",
        ["PUBLISHED_INFO_FALSE"] = "公示信息隐瞒真实情况、弄虚作假",
        ["UNREACHABLE"] = "通过登记的住所（经营场所）无法联系",
        ["CORRECTED_AFTER_ORDER"] = "发现问题经责令已改正",
        ["REFUSED_SERIOUS"] = "不配合检查情节严重",
        ["NO_RELEVANT_ACTIVITY"] = "未发现开展本次抽查涉及的经营活动",
        ["CLOSED_OR_LIQUIDATING"] = "已关闭停业或正在组织清算",
        ["DEREGISTERED"] = "注销",
        ["REVOKED"] = "被吊销",
        ["CANCELLED"] = "被撤销",
        ["MOVED_OUT"] = "迁出",
        ["AUTO_UNAPPROVED_MODEL"] = "未获准入车型",
        ["AUTO_ASSEMBLED_MODIFIED"] = "拼装/擅自改装",
        ["AUTO_NONCONFORMING"] = "与公告/合格证不一致",
        ["COAL_NOT_FILED"] = "未备案/变更未告知",
        ["COAL_NO_ANNUAL_REPORT"] = "未报年度报告",
        ["COAL_CONTRACT_BREACH"] = "合同未签订或未履行",
        [Other] = "其他",
    };

    /// <summary>Item-specific findings; each needs PROBLEM_PENDING or CORRECTED_AFTER_ORDER alongside.</summary>
    public static readonly IReadOnlySet<string> Findings = new HashSet<string>(StringComparer.Ordinal)
    {
        "AUTO_UNAPPROVED_MODEL", "AUTO_ASSEMBLED_MODIFIED", "AUTO_NONCONFORMING", "COAL_NOT_FILED", "COAL_NO_ANNUAL_REPORT", "COAL_CONTRACT_BREACH",
    };

    /// <summary>Results that mean the check could not be carried out at the enterprise (not found / closed).</summary>
    /// <summary>Results that say a problem is still there: a 复查 with one of them does not close the 责令整改.</summary>
    public static readonly IReadOnlySet<string> ProblemStillOpen = new HashSet<string>(StringComparer.Ordinal)
    {
        "PROBLEM_PENDING", "REFUSED_SERIOUS", "PUBLISHED_INFO_FALSE",
    };

    public static readonly IReadOnlySet<string> NotInspectable = new HashSet<string>(StringComparer.Ordinal)
    {
        "UNREACHABLE", "CLOSED_OR_LIQUIDATING", "DEREGISTERED", "REVOKED", "CANCELLED", "MOVED_OUT",
    };

    public static readonly IReadOnlyDictionary<string, string> FollowUps = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NONE_REQUIRED"] = "未发现问题或已改正，无需处置",
        ["GUIDANCE"] = "教育提醒、行政指导",
        [Rectify] = "责令限期整改",
        [TransferCase] = "发现案件线索，移送办案机构",
        ["NOTIFY_OTHER_DEPT"] = "违反其他部门规定，抄告相关部门",
        ["RETURN_TO_ROUTINE"] = "停止检查，转日常监管处理",
        [CreditRecord] = "录入诚信档案/信用记录",
        [Other] = "其他",
    };

    /// <summary>The labels in the order of the code table (domain.md §3), whatever order the codes were stored in.</summary>
    public static string Labels(IEnumerable<string> codes, IReadOnlyDictionary<string, string> table)
    {
        var order = table.Keys.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        return string.Join("；", codes.OrderBy(c => order.GetValueOrDefault(c, int.MaxValue)).Select(c => table.GetValueOrDefault(c, c)));
    }
}
