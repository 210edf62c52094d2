using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Statistics;

/// <summary>
/// What a dashboard counts: one calendar year, optionally one plan, one department (code) and one check item (code,
/// all its versions). A task belongs to its plan's year; a task without a plan (受理举报, 复查 …) to its due date's year.
/// <paramref name="Region"/> (a 2-, 4- or 6-digit administrative-division prefix) and <paramref name="Risk"/> (a credit-risk
/// class code) narrow the directory, and with it the tasks, to enterprises whose current region and class match.
/// </summary>
public sealed record StatisticsFilter(int Year, int? PlanId = null, string? Department = null, string? ItemCode = null,
    string? Region = null, string? Risk = null)
{
    public bool NarrowsDirectory => Region is not null || Risk is not null;

    /// <summary>
    /// The enterprises (any status) in the region and risk class. The region is a range on the indexed code, not a LIKE:
    /// 4117 selects codes from "4117" up to, not including, "4118" (codes are digits, so every collation orders them alike).
    /// </summary>
    public IQueryable<Enterprise> Directory(AppDbContext db)
    {
        var q = db.Enterprises.AsNoTracking();
        if (Risk is not null)
            q = RiskClassOf(Risk) is RiskClass risk ? q.Where(e => e.RiskClass == risk) : q.Where(e => false);
        if (Region is not null)
        {
            if (!Region.All(char.IsAsciiDigit) || Region.Length is 0 or > 6) return q.Where(e => false);
            var from = Region;
            q = q.Where(e => e.RegionCode.CompareTo(from) >= 0);
            if (Successor(Region) is { } to) q = q.Where(e => e.RegionCode.CompareTo(to) < 0);
        }
        return q;
    }

    /// <summary>"A" … "D" as the class, anything else as none.</summary>
    public static RiskClass? RiskClassOf(string? code) =>
        Enum.GetValues<RiskClass>().Select(r => (RiskClass?)r).FirstOrDefault(r => r.ToString() == code);

    /// <summary>The smallest digit string of the same length above <paramref name="prefix"/> ("4117" → "4118"); none for all nines.</summary>
    static string? Successor(string prefix)
    {
        var next = (long.Parse(prefix, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture).PadLeft(prefix.Length, '0');
        return next.Length > prefix.Length ? null : next;
    }
}

/// <summary>A plan of the filtered year, as the dashboards name and group it.</summary>
public sealed record PlanInfo(int Id, string Name, string[] DepartmentCodes, int[] ItemIds);

/// <summary>The filter resolved against the small tables (plans, items): the task query every statistic starts from.</summary>
public sealed record StatisticsScope(StatisticsFilter Filter, IReadOnlyList<PlanInfo> Plans, IQueryable<InspectionTask> Tasks,
    IReadOnlyDictionary<int, (string Code, string Name)> Items)
{
    public static async Task<StatisticsScope> ResolveAsync(AppDbContext db, StatisticsFilter f, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => p.Year == f.Year && (f.PlanId == null || p.Id == f.PlanId))
            .OrderBy(p => p.Id).Select(p => new PlanInfo(p.Id, p.Name, p.DepartmentCodes, p.ItemIds)).ToListAsync(ct);
        var items = (await db.InspectionItems.AsNoTracking()
            .Join(db.Departments, i => i.DepartmentId, d => d.Id, (i, d) => new { i.Id, i.Code, i.Name, Dept = d.Code }).ToListAsync(ct));
        var first = new DateOnly(f.Year, 1, 1);
        var last = new DateOnly(f.Year, 12, 31);
        var planIds = plans.Select(p => p.Id).ToList();
        var q = db.InspectionTasks.AsNoTracking();
        q = f.PlanId is int planId
            ? q.Where(t => t.PlanId == planId && planIds.Contains(planId))
            : q.Where(t => (t.PlanId != null && planIds.Contains(t.PlanId.Value)) || (t.PlanId == null && t.DueDate >= first && t.DueDate <= last));
        if (f.Department is { Length: > 0 } dept)
        {
            var deptPlans = plans.Where(p => p.DepartmentCodes.Contains(dept, StringComparer.Ordinal)).Select(p => p.Id).ToList();
            var deptItems = items.Where(i => i.Dept == dept).Select(i => i.Id).ToArray();
            q = q.Where(t => (t.PlanId != null && deptPlans.Contains(t.PlanId.Value)) || (t.PlanId == null && t.ItemIds.Any(i => deptItems.Contains(i))));
        }
        if (f.ItemCode is { Length: > 0 } code)
        {
            var codeItems = items.Where(i => i.Code == code).Select(i => i.Id).ToArray();
            q = q.Where(t => t.ItemIds.Any(i => codeItems.Contains(i)));
        }
        if (f.NarrowsDirectory)
        {
            var directory = f.Directory(db);
            q = q.Where(t => directory.Any(e => e.Id == t.EnterpriseId));
        }
        return new StatisticsScope(f, plans, q, items.ToDictionary(i => i.Id, i => (i.Code, i.Name)));
    }
}
