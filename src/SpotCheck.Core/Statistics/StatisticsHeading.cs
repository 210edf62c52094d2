using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Statistics;

/// <summary>Who reports and what period and scope the figures cover, in words: the top of the page, the print, every xlsx and the annual report.</summary>
public sealed record StatisticsHeading(string Bureau, string Period)
{
    /// <param name="plans">The filter's plans (the dashboard's): their departments name the bureau when no department is chosen.</param>
    public static async Task<StatisticsHeading> ResolveAsync(AppDbContext db, StatisticsFilter f, IReadOnlyList<PlanInfo> plans, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(x => x.Code).Select(x => new { x.Code, x.Name }).ToListAsync(ct);
        var bureau = f.Department is { } code
            ? departments.FirstOrDefault(x => x.Code == code)?.Name ?? code
            : string.Join("、", departments.Where(x => plans.Any(p => p.DepartmentCodes.Contains(x.Code, StringComparer.Ordinal)))
                .DefaultIfEmpty(departments.FirstOrDefault()).Where(x => x is not null).Select(x => x!.Name));
        var parts = new List<string> { $"{f.Year}年度" };
        if (f.PlanId is int id) parts.Add("计划：" + (plans.FirstOrDefault(p => p.Id == id)?.Name ?? "#" + id));
        if (f.Department is { } d) parts.Add("部门：" + (departments.FirstOrDefault(x => x.Code == d)?.Name ?? d));
        if (f.ItemCode is { } i)
            parts.Add("检查事项：" + (await db.InspectionItems.AsNoTracking().Where(x => x.Code == i).OrderByDescending(x => x.Version)
                .Select(x => x.Name).FirstOrDefaultAsync(ct) ?? i));
        if (f.Region is { } r) parts.Add("区域：" + RegionCodes.Label(r));
        if (f.Risk is { } risk) parts.Add("风险等级：" + RiskLabel(risk));
        return new StatisticsHeading(bureau, string.Join("，", parts));
    }

    /// <summary>"B类 信用风险一般", as the coverage table names a class.</summary>
    public static string RiskLabel(string code) =>
        StatisticsFilter.RiskClassOf(code) is RiskClass r ? $"{r}类 {EnterpriseLabels.Of(r)}" : code;
}
