using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Statistics;

namespace SpotCheck.Pages.Staff.Statistics;

/// <summary>What the dashboard, the printable view and the xlsx export share: the filter, its choices and the tables.</summary>
public sealed class StatisticsPage(AppDbContext db, StatisticsDashboard.Handler dashboard, FairnessReport.Handler fairness,
    RepeatChecks.Handler alerts, IConfiguration config, TimeProvider clock)
{
    public sealed record Choices(IReadOnlyList<int> Years, IReadOnlyList<(int Id, string Name)> Plans,
        IReadOnlyList<(string Code, string Name)> Departments, IReadOnlyList<(string Code, string Name)> Items);

    public sealed record View(StatisticsFilter Filter, Choices Choices, StatisticsDashboard.Dashboard Dashboard, FairnessReport.Report Fairness,
        RepeatChecks.Alerts Alerts, IReadOnlyList<StatTable> Tables, string Bureau, DateTime GeneratedAtUtc);

    public int YearlyCap => config.GetValue("SpotCheck:YearlyCapPerEnterprise", PlanRules.DefaultYearlyCap);

    public async Task<View> LoadAsync(int? year, int? plan, string? department, string? item, CancellationToken ct)
    {
        var filter = new StatisticsFilter(year is >= 2000 and <= 2100 ? year.Value : Ui.LocalToday(clock).Year, plan,
            Blank(department), Blank(item));
        var d = await dashboard.HandleAsync(filter, ct);
        var f = await fairness.HandleAsync(filter, d.Strata, ct);
        var a = await alerts.HandleAsync(filter, YearlyCap, ct: ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(x => x.Code).Select(x => new { x.Code, x.Name }).ToListAsync(ct);
        var items = (await db.InspectionItems.AsNoTracking().Select(i => new { i.Code, i.Name, i.Version }).ToListAsync(ct))
            .GroupBy(i => i.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.MaxBy(i => i.Version)!.Name)).ToList();
        var years = d.Trend.Select(t => t.Year).Append(filter.Year).Append(Ui.LocalToday(clock).Year).Distinct().OrderDescending().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => p.Year == filter.Year).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var bureau = filter.Department is { } code
            ? departments.FirstOrDefault(x => x.Code == code)?.Name ?? code
            : string.Join("、", departments.Where(x => d.Plans.Any(p => StatisticsScope.Split(p.DepartmentCodes).Contains(x.Code)))
                .DefaultIfEmpty(departments.FirstOrDefault()).Where(x => x is not null).Select(x => x!.Name));
        return new View(filter, new Choices(years, [.. plans.Select(p => (p.Id, p.Name))], [.. departments.Select(x => (x.Code, x.Name))], items),
            d, f, a, StatisticsTables.Build(d, f, a), bureau, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The period in words, for headings and the printable view.</summary>
    public static string Period(View v)
    {
        var parts = new List<string> { $"{v.Filter.Year}年度" };
        if (v.Filter.PlanId is int id) parts.Add("计划：" + (v.Choices.Plans.FirstOrDefault(p => p.Id == id).Name ?? "#" + id));
        if (v.Filter.Department is { } d) parts.Add("部门：" + (v.Choices.Departments.FirstOrDefault(x => x.Code == d).Name ?? d));
        if (v.Filter.ItemCode is { } i) parts.Add("检查事项：" + (v.Choices.Items.FirstOrDefault(x => x.Code == i).Name ?? i));
        return string.Join("，", parts);
    }

    public static string Query(StatisticsFilter f) =>
        $"year={f.Year}" + (f.PlanId is int p ? $"&plan={p}" : "") + (f.Department is { } d ? "&department=" + Uri.EscapeDataString(d) : "")
        + (f.ItemCode is { } i ? "&item=" + Uri.EscapeDataString(i) : "");

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
