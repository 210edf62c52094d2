using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Statistics;

/// <summary>
/// 重复检查预警 (国办发〔2024〕54号): enterprises checked more often in a year than the yearly cap, across plans,
/// departments and complaint tasks; one officer on the same enterprise again and again; a department whose random
/// checks exceed what its plans' ratios imply. 整改复查 and tasks replaced as frame errors are follow-up or void, not a
/// new check, and are not counted.
/// </summary>
public static class RepeatChecks
{
    public sealed record EnterpriseAlert(int EnterpriseId, string Name, string Uscc, int Checks, int Cap, IReadOnlyList<int> TaskIds);

    public sealed record OfficerAlert(int OfficerId, string OfficerName, int EnterpriseId, string EnterpriseName, int Visits, IReadOnlyList<int> TaskIds);

    public sealed record DepartmentAlert(string Code, string Name, int Planned, int Checked);

    public sealed record Alerts(int Year, int Cap, IReadOnlyList<EnterpriseAlert> Enterprises, IReadOnlyList<OfficerAlert> Officers,
        IReadOnlyList<DepartmentAlert> Departments)
    {
        public int Count => Enterprises.Count + Officers.Count + Departments.Count;
    }

    /// <summary>An officer visiting the same enterprise this many times in one year is flagged.</summary>
    public const int RepeatVisits = 2;

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Alerts> HandleAsync(StatisticsFilter filter, int yearlyCap, int? enterpriseId = null, CancellationToken ct = default)
        {
            var scope = await StatisticsScope.ResolveAsync(db, filter with { PlanId = null }, ct);
            var checks = scope.Tasks.Where(t => t.State != TaskState.Replaced && t.Source != TaskSource.Recheck);
            if (enterpriseId is int only) checks = checks.Where(t => t.EnterpriseId == only);

            var over = await checks.GroupBy(t => t.EnterpriseId).Where(g => g.Count() > yearlyCap)
                .Select(g => new { EnterpriseId = g.Key, N = g.Count() }).ToListAsync(ct);
            var repeated = await db.TaskMembers.AsNoTracking().Where(m => m.IsActive)
                .Join(checks, m => m.TaskId, t => t.Id, (m, t) => new { m.OfficerId, t.EnterpriseId })
                .GroupBy(x => new { x.OfficerId, x.EnterpriseId }).Where(g => g.Count() >= RepeatVisits)
                .Select(g => new { g.Key.OfficerId, g.Key.EnterpriseId, N = g.Count() }).ToListAsync(ct);

            var enterpriseIds = over.Select(o => o.EnterpriseId).Concat(repeated.Select(r => r.EnterpriseId)).Distinct().ToList();
            var tasks = await checks.Where(t => enterpriseIds.Contains(t.EnterpriseId)).OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.EnterpriseId }).ToListAsync(ct);
            var members = await db.TaskMembers.AsNoTracking().Where(m => m.IsActive && enterpriseIds.Count > 0)
                .Join(checks.Where(t => enterpriseIds.Contains(t.EnterpriseId)), m => m.TaskId, t => t.Id, (m, t) => new { m.OfficerId, t.Id })
                .ToListAsync(ct);
            var enterprises = await db.Enterprises.AsNoTracking().Where(e => enterpriseIds.Contains(e.Id))
                .Select(e => new { e.Id, e.Name, e.Uscc }).ToDictionaryAsync(e => e.Id, ct);
            var officerIds = repeated.Select(r => r.OfficerId).Distinct().ToList();
            var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            List<int> TasksOf(int enterprise) => [.. tasks.Where(t => t.EnterpriseId == enterprise).Select(t => t.Id)];

            var enterpriseAlerts = over.OrderByDescending(o => o.N).ThenBy(o => o.EnterpriseId)
                .Select(o => new EnterpriseAlert(o.EnterpriseId, enterprises[o.EnterpriseId].Name, enterprises[o.EnterpriseId].Uscc, o.N, yearlyCap, TasksOf(o.EnterpriseId)))
                .ToList();
            var officerAlerts = repeated.OrderByDescending(r => r.N).ThenBy(r => r.OfficerId).ThenBy(r => r.EnterpriseId)
                .Select(r => new OfficerAlert(r.OfficerId, officers[r.OfficerId], r.EnterpriseId, enterprises[r.EnterpriseId].Name, r.N,
                    [.. TasksOf(r.EnterpriseId).Where(id => members.Any(m => m.Id == id && m.OfficerId == r.OfficerId))]))
                .ToList();
            var departments = enterpriseId is null ? await DepartmentsAsync(filter, ct) : [];
            return new Alerts(filter.Year, yearlyCap, enterpriseAlerts, officerAlerts, departments);
        }

        /// <summary>The alerts about one enterprise in every year it was checked (enterprise details page), the latest year first.</summary>
        public async Task<IReadOnlyList<Alerts>> ForEnterpriseAsync(int enterpriseId, int yearlyCap, CancellationToken ct = default)
        {
            var planYears = await db.InspectionTasks.AsNoTracking().Where(t => t.EnterpriseId == enterpriseId && t.PlanId != null)
                .Join(db.Plans, t => t.PlanId, p => p.Id, (t, p) => p.Year).Distinct().ToListAsync(ct);
            var dueYears = await db.InspectionTasks.AsNoTracking().Where(t => t.EnterpriseId == enterpriseId && t.PlanId == null)
                .Select(t => t.DueDate.Year).Distinct().ToListAsync(ct);
            var result = new List<Alerts>();
            foreach (var year in planYears.Concat(dueYears).Distinct().OrderDescending())
                if (await HandleAsync(new StatisticsFilter(year), yearlyCap, enterpriseId, ct) is { Count: > 0 } alerts) result.Add(alerts);
            return result;
        }

        /// <summary>
        /// Random-check targets per department against the sum of its draws' implied counts (joint plans count for each).
        /// A plan's ratio binds its whole frame, so this compares whole plans: region and risk filters do not apply.
        /// </summary>
        async Task<IReadOnlyList<DepartmentAlert>> DepartmentsAsync(StatisticsFilter filter, CancellationToken ct)
        {
            var whole = filter with { PlanId = null, Region = null, Risk = null };
            var scope = await StatisticsScope.ResolveAsync(db, whole, ct);
            var strata = await StrataReport.ForAsync(db, scope.Plans, whole, ct);
            var perPlan = await scope.Tasks.Where(t => t.PlanId != null && t.State != TaskState.Replaced && t.Source == TaskSource.AnnualPlan)
                .Select(t => new { t.PlanId, t.EnterpriseId }).Distinct().GroupBy(x => x.PlanId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
            var rows = scope.Plans.SelectMany(p => p.DepartmentCodes.Select(code => (code, p.Id)))
                .GroupBy(x => x.code, StringComparer.Ordinal)
                .Select(g => new DepartmentAlert(g.Key, names.GetValueOrDefault(g.Key, g.Key),
                    strata.Where(s => g.Any(x => x.Id == s.PlanId)).Sum(s => s.Implied),
                    perPlan.Where(c => g.Any(x => x.Id == c.Key)).Sum(c => c.N)));
            return [.. rows.Where(r => r.Checked > r.Planned).OrderBy(r => r.Code, StringComparer.Ordinal)];
        }
    }
}
