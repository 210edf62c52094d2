using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Scopes;
using SpotCheck.Core.Statistics;

namespace SpotCheck.Pages.Staff.Statistics;

/// <summary>The filter as the query string carries it (year, plan, department, item, region, risk); anything unreadable is ignored.</summary>
public sealed class FilterQuery
{
    public int? Year { get; set; }
    public int? Plan { get; set; }
    public string? Department { get; set; }
    public string? Item { get; set; }
    public string? Region { get; set; }
    public string? Risk { get; set; }
}

/// <summary>What the dashboard, the printable view, the xlsx export and the annual report share: the filter, its choices and the tables.</summary>
public sealed class StatisticsPage(AppDbContext db, IServiceScopeFactory scopes, DataScopeHolder dataScope, IConfiguration config, TimeProvider clock)
{
    public sealed record Choices(IReadOnlyList<int> Years, IReadOnlyList<(int Id, string Name)> Plans,
        IReadOnlyList<(string Code, string Name)> Departments, IReadOnlyList<(string Code, string Name)> Items,
        IReadOnlyList<(string Prefix, string Label)> Regions, IReadOnlyList<(string Code, string Label)> Risks);

    public sealed record View(StatisticsFilter Filter, Choices Choices, StatisticsDashboard.Dashboard Dashboard, FairnessReport.Report Fairness,
        RepeatChecks.Alerts Alerts, IReadOnlyList<StatTable> Tables, StatisticsHeading Heading, DateTime GeneratedAtUtc);

    public int YearlyCap => config.GetValue("SpotCheck:YearlyCapPerEnterprise", PlanRules.DefaultYearlyCap);

    /// <summary>The filter of a request: this year when none (or an absurd one) is given; unknown regions and classes dropped.</summary>
    public StatisticsFilter Filter(FilterQuery q) =>
        new(q.Year is >= 2000 and <= 2100 ? q.Year.Value : Ui.LocalToday(clock).Year, q.Plan, Blank(q.Department), Blank(q.Item),
            Blank(q.Region) is { } region && RegionCodes.IsPrefix(region) ? region : null,
            StatisticsFilter.RiskClassOf(Blank(q.Risk))?.ToString());

    public async Task<View> LoadAsync(FilterQuery q, CancellationToken ct)
    {
        var filter = Filter(q);
        // The three reports are independent reads: each runs on its own context and thread, under this user's data scope.
        var dashboardRun = InOwnScope<StatisticsDashboard.Handler, StatisticsDashboard.Dashboard>(h => h.HandleAsync(filter, ct));
        var fairnessRun = InOwnScope<FairnessReport.Handler, FairnessReport.Report>(h => h.HandleAsync(filter, ct: ct));
        var alertsRun = InOwnScope<RepeatChecks.Handler, RepeatChecks.Alerts>(h => h.HandleAsync(filter, YearlyCap, ct: ct));
        var departments = await db.Departments.AsNoTracking().OrderBy(x => x.Code).Select(x => new { x.Code, x.Name }).ToListAsync(ct);
        var items = (await db.InspectionItems.AsNoTracking().Select(i => new { i.Code, i.Name, i.Version }).ToListAsync(ct))
            .GroupBy(i => i.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.MaxBy(i => i.Version)!.Name)).ToList();
        var regions = RegionCodes.PrefixesOf(await DirectoryRegions.ListAsync(db, ct));
        var (d, f, a) = (await dashboardRun, await fairnessRun, await alertsRun);
        var years = d.Trend.Select(t => t.Year).Append(filter.Year).Append(Ui.LocalToday(clock).Year).Distinct().OrderDescending().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => p.Year == filter.Year).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var choices = new Choices(years, [.. plans.Select(p => (p.Id, p.Name))], [.. departments.Select(x => (x.Code, x.Name))], items,
            [.. regions.Select(r => (r, RegionCodes.Label(r)))],
            [.. Enum.GetValues<RiskClass>().Select(r => (r.ToString(), StatisticsHeading.RiskLabel(r.ToString())))]);
        return new View(filter, choices, d, f, a, StatisticsTables.Build(d, f, a), await StatisticsHeading.ResolveAsync(db, filter, d.Plans, ct),
            clock.GetUtcNow().UtcDateTime);
    }

    Task<T> InOwnScope<THandler, T>(Func<THandler, Task<T>> run) where THandler : notnull
    {
        var current = dataScope.Current;
        // Task.Run: the SQLite provider completes "async" reads synchronously, so only a thread of its own runs in parallel.
        return Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<DataScopeHolder>().Current = current;
            return await run(scope.ServiceProvider.GetRequiredService<THandler>());
        });
    }

    /// <summary>The query string of a filter, for the print, xlsx and Word links.</summary>
    public static string Query(StatisticsFilter f) =>
        $"year={f.Year}" + (f.PlanId is int p ? $"&plan={p}" : "") + Part("department", f.Department) + Part("item", f.ItemCode)
        + Part("region", f.Region) + Part("risk", f.Risk);

    static string Part(string name, string? value) => value is null ? "" : $"&{name}={Uri.EscapeDataString(value)}";

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
