namespace SpotCheck.Hosting.Security;

/// <summary>The main navigation: each link with the policy of the page it leads to (see <see cref="PageRules"/>).</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<(string Href, string Label, string Policy)> Links =
    [
        ("/Staff", "工作台", Policies.Staff),
        ("/Staff/Items", "事项清单", Policies.Staff),
        ("/Staff/Enterprises", "对象名录", Policies.Staff),
        ("/Staff/Officers", "人员名录", Policies.Staff),
        ("/Staff/Departments", "部门", Policies.Staff),
        ("/Staff/Plans", "抽查计划", Policies.Staff),
        ("/Staff/Draws", "抽取", Policies.DrawReaders),
        ("/Staff/Tasks", "检查任务", Policies.Staff),
        ("/Staff/Reviews", "审核", Policies.Reviewers),
        ("/Staff/Publication", "结果公示", Policies.Reviewers),
        ("/Staff/Deadlines", "公示期限", Policies.Staff),
        ("/Staff/Import", "导入", Policies.Editors),
        ("/Staff/Export", "导出", Policies.Editors),
        ("/Audit", "审计日志", Policies.Auditors),
    ];
}
