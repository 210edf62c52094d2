using SpotCheck.Draw.Assignment;

namespace SpotCheck.Core.Draws;

/// <summary>The infeasibility report of draw-spec §5.4 in Chinese, by rule and count, with the remedy.</summary>
public static class InfeasibilityText
{
    public static string RuleLabel(EligibilityRule rule) => rule switch
    {
        EligibilityRule.Inactive => "非在岗",
        EligibilityRule.CertExpired => "执法证过期",
        EligibilityRule.DeptMismatch => "非本部门",
        EligibilityRule.Conflict => "回避",
        EligibilityRule.RepeatPrevious => "上一轮已检查该对象",
        _ => "工作量已满",
    };

    public static string Describe(Infeasibility f, IReadOnlyDictionary<string, string> departmentNames)
    {
        var head = f.Reason == InfeasibleReason.NoEligibleInDept
            ? $"部门无合格人员：{string.Join("、", f.MissingDepts.Select(d => departmentNames.GetValueOrDefault(d, d)))}；需要{f.Needed}人，合格{f.Eligible}人"
            : $"可用人员不足：需要{f.Needed}人，合格{f.Eligible}人";
        var rejected = EligibilityRules.InOrder.Where(r => f.RejectedBy(r) > 0).Select(r => $"{RuleLabel(r)}{f.RejectedBy(r)}人");
        var rules = string.Join("；", rejected);
        return $"{f.Target}：{head}{(rules.Length > 0 ? "；" + rules : "")}。处理：{Remedies(f)}，然后以新的抽取编号发起补充抽取（-S1）";
    }

    /// <summary>The fixes that would have made the target staffable, most specific first.</summary>
    static string Remedies(Infeasibility f)
    {
        var remedies = new List<string>();
        if (f.Reason == InfeasibleReason.NoEligibleInDept) remedies.Add("为缺员部门补充在岗执法人员");
        if (f.RejectedBy(EligibilityRule.Conflict) > 0 || f.RejectedBy(EligibilityRule.DeptMismatch) > 0)
            remedies.Add("补充本部门执法人员或与其他部门组成联合检查组");
        if (f.RejectedBy(EligibilityRule.RepeatPrevious) > 0 && remedies.Count == 0)
            remedies.Add("补充本部门执法人员或与其他部门组成联合检查组（上一轮检查组成员不再连续检查同一对象）");
        if (f.RejectedBy(EligibilityRule.CertExpired) > 0) remedies.Add("为执法证过期人员办理换证");
        if (f.RejectedBy(EligibilityRule.CapReached) > 0) remedies.Add("提高工作量上限");
        if (remedies.Count == 0) remedies.Add("补充在岗执法人员");
        return string.Join("，或", remedies);
    }
}
