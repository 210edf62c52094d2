using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Items;

namespace SpotCheck.Core.Plans;

/// <summary>Checks a plan command field by field; each error names the field and the reason in Chinese.</summary>
public static class PlanRules
{
    public const long MaxPpm = 1_000_000;
    public const int MaxWindowDays = 3650;
    /// <summary>国办发〔2024〕54号: per-enterprise yearly cap of random checks across all plans (configurable).</summary>
    public const int DefaultYearlyCap = 1;

    public static async Task<Result<PlanData>> ValidateAsync(AppDbContext db, SavePlan.Command c, DateOnly today, CancellationToken ct)
    {
        if (c.Year is < 2000 or > 2100) return Fail("Year", "计划年度必须在2000至2100之间");
        if (c.Quarter is { } q && q is < 1 or > 4) return Fail("Quarter", "季度必须为1至4，或留空表示全年");
        var name = c.Name?.Trim() ?? "";
        if (name.Length == 0) return Fail("Name", "计划名称不能为空");
        if (name.Length > 200) return Fail("Name", "计划名称不能超过200个字符");
        if (c.ItemIds.Count == 0) return Fail("ItemIds", "至少选择一个检查事项");
        var itemIds = c.ItemIds.Distinct().ToList();
        var items = await db.InspectionItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToListAsync(ct);
        foreach (var id in itemIds)
        {
            var item = items.FirstOrDefault(i => i.Id == id);
            if (item is null) return Fail("ItemIds", $"检查事项（编号{id}）不存在");
            if (item.Status != ItemStatus.Published) return Fail("ItemIds", $"检查事项“{item.Name}”未发布或已废止，不能列入计划");
        }
        if (c.DepartmentCodes.Count == 0) return Fail("DepartmentCodes", "至少选择一个抽查部门");
        var departments = c.DepartmentCodes.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Departments.AsNoTracking().Where(d => departments.Contains(d.Code)).Select(d => d.Code).ToListAsync(ct);
        if (departments.FirstOrDefault(d => !known.Contains(d, StringComparer.Ordinal)) is { } unknown)
            return Fail("DepartmentCodes", $"部门代码“{unknown}”不存在");
        var tags = (c.Tags ?? "").Split([';', ',', '；', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var region = c.RegionPrefix?.Trim();
        if (!string.IsNullOrEmpty(region) && (region.Length > 12 || !region.All(char.IsAsciiDigit)))
            return Fail("RegionPrefix", "区划代码只能是不超过12位的数字");
        var statuses = new List<EnterpriseStatus>();
        foreach (var s in c.Statuses)
        {
            if (!Enum.TryParse<EnterpriseStatus>(s, ignoreCase: false, out var st) || !Enum.IsDefined(st))
                return Fail("Statuses", $"经营状态“{s}”无效");
            statuses.Add(st);
        }
        if (statuses.Count == 0) return Fail("Statuses", "至少选择一种经营状态（通常为存续）");
        if (c.RatioPpm.Count == 0) return Fail("RatioPpm", "至少为一个信用风险分类设置抽查比例");
        var ratios = new Dictionary<RiskClass, long>();
        foreach (var (key, ppm) in c.RatioPpm)
        {
            if (!Enum.TryParse<RiskClass>(key, ignoreCase: false, out var risk) || !Enum.IsDefined(risk))
                return Fail("RatioPpm", $"信用风险分类“{key}”无效，应为A、B、C或D");
            if (ppm is < 0 or > MaxPpm) return Fail("RatioPpm", $"{key}类抽查比例必须在0至1000000（百万分比）之间");
            ratios[risk] = ppm;
        }
        if (!Enum.TryParse<FlagPolicy>(c.FlagPolicy, ignoreCase: false, out var policy) || !Enum.IsDefined(policy))
            return Fail("FlagPolicy", "失信/异常对象的处理方式无效");
        if (c.SeriousViolationWeight is < 1 or > 100) return Fail("SeriousViolationWeight", "严重失信对象的权重必须在1至100之间");
        if (c.AbnormalListWeight is < 1 or > 100) return Fail("AbnormalListWeight", "经营异常名录对象的权重必须在1至100之间");
        if (c.FlaggedRatioPpm is < 0 or > MaxPpm) return Fail("FlaggedRatioPpm", "失信/异常对象抽查比例必须在0至1000000（百万分比）之间");
        if (c.WindowDays is < 0 or > MaxWindowDays) return Fail("WindowDays", $"排除窗口天数必须在0至{MaxWindowDays}之间");
        var minTeam = Math.Max(2, departments.Count);
        if (c.TeamSize < minTeam) return Fail("TeamSize", $"每组检查人员不能少于{minTeam}人（至少2人，联合检查每个部门至少1人）");
        if (c.TeamSize > 20) return Fail("TeamSize", "每组检查人员不能超过20人");
        if (c.EndDate.Year != c.Year) return Fail("EndDate", "计划完成日期必须在计划年度内");
        if (c.EndDate < today) return Fail("EndDate", "计划完成日期不能早于今天");
        return new PlanData(c.Year, c.Quarter, name, itemIds, departments, tags, string.IsNullOrEmpty(region) ? null : region,
            statuses, ratios, policy, c.SeriousViolationWeight, c.AbnormalListWeight, c.FlaggedRatioPpm, c.WindowDays, c.TeamSize, c.EndDate);
    }

    static Error Fail(string field, string message) => new("plan.invalid", message, field);
}
