using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Statistics;

/// <summary>
/// 统计 (SPEC §2 item 9): coverage, plan progress, problems found, follow-up, publication timeliness, officer workload
/// and the yearly trend for one filter. Every figure is a GROUP BY in the database; only the grouped rows travel.
/// </summary>
public static class StatisticsDashboard
{
    public sealed record Dashboard(StatisticsFilter Filter, DateOnly Today, IReadOnlyList<PlanInfo> Plans,
        IReadOnlyList<CoverageRow> Coverage, IReadOnlyList<StratumRow> Strata, IReadOnlyList<ProgressRow> Progress,
        IReadOnlyList<ItemProblemRow> ItemProblems, IReadOnlyList<ResultCodeRow> ResultCodes, IReadOnlyList<FollowUpRow> FollowUps,
        PublicationRow Publication, IReadOnlyList<WorkloadRow> Workload, IReadOnlyList<TrendRow> Trend, ProblemSummary Problems);

    static readonly TaskState[] Reviewed = TaskStates.Reviewed;

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Dashboard> HandleAsync(StatisticsFilter filter, CancellationToken ct = default)
        {
            var today = ShanghaiDay.Of(clock.GetUtcNow().UtcDateTime);
            var scope = await StatisticsScope.ResolveAsync(db, filter, ct);
            var (items, codes, problems) = await ProblemsAsync(scope, ct);
            return new Dashboard(filter, today, scope.Plans, await CoverageAsync(scope, ct), await StrataReport.ForAsync(db, scope.Plans, filter, ct),
                await ProgressAsync(scope, today, ct), items, codes, await FollowUpsAsync(scope, today, ct),
                await PublicationAsync(scope, today, ct), await WorkloadAsync(scope, ct), await TrendAsync(filter, ct), problems);
        }

        async Task<IReadOnlyList<CoverageRow>> CoverageAsync(StatisticsScope scope, CancellationToken ct)
        {
            var filter = scope.Filter;
            var directory = await filter.Directory(db).Where(e => e.Status == EnterpriseStatus.Active)
                .GroupBy(e => e.RiskClass).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            // From the records (a task without one was not inspected), not a per-task existence probe over every task drawn.
            var inspected = await scope.Tasks.Where(t => t.State != TaskState.Replaced)
                .Join(db.InspectionRecords, t => t.Id, r => r.TaskId, (t, r) => t.EnterpriseId).Distinct()
                .Join(db.Enterprises, id => id, e => e.Id, (id, e) => e.RiskClass)
                .GroupBy(r => r).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            var classes = Enum.GetValues<RiskClass>().Where(r => filter.Risk is null || r.ToString() == filter.Risk);
            return [.. classes.Select(r => new CoverageRow(r.ToString(), EnterpriseLabels.Of(r),
                directory.Where(d => d.Key == r).Sum(d => d.N), inspected.Where(d => d.Key == r).Sum(d => d.N)))];
        }

        async Task<IReadOnlyList<ProgressRow>> ProgressAsync(StatisticsScope scope, DateOnly today, CancellationToken ct)
        {
            var counts = await scope.Tasks.Where(t => t.State != TaskState.Replaced)
                .Select(t => new { t.PlanId, t.State, HasRecord = db.InspectionRecords.Any(r => r.TaskId == t.Id) })
                .GroupBy(x => new { x.PlanId, x.State, x.HasRecord }).Select(g => new { g.Key.PlanId, g.Key.State, g.Key.HasRecord, N = g.Count() })
                .ToListAsync(ct);
            var overdue = await OverdueQuery(scope, today).GroupBy(x => x).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
            ProgressRow Row(int? planId, string name)
            {
                var mine = counts.Where(c => c.PlanId == planId).ToList();
                return new ProgressRow(planId, name, mine.Sum(c => c.N),
                    mine.Where(c => c.HasRecord && c.State is not (TaskState.Open or TaskState.Returned)).Sum(c => c.N),
                    mine.Where(c => TaskStates.IsReviewed(c.State)).Sum(c => c.N),
                    mine.Where(c => c.State == TaskState.Published).Sum(c => c.N),
                    overdue.Where(o => o.Key == planId).Sum(o => o.N));
            }
            var rows = scope.Plans.Select(p => Row(p.Id, p.Name)).ToList();
            if (scope.Filter.PlanId is null) rows.Add(Row(null, "计划外任务（举报、交办、复查等）"));
            return rows;
        }

        /// <summary>Inspected, not yet published, and past the 20-working-day deadline.</summary>
        IQueryable<int?> OverdueQuery(StatisticsScope scope, DateOnly today) =>
            scope.Tasks.Where(t => t.State != TaskState.Published && t.State != TaskState.Replaced)
                .Join(db.InspectionRecords, t => t.Id, r => r.TaskId, (t, r) => new { t.PlanId, r.PublicationDeadline })
                .Where(x => x.PublicationDeadline != null && x.PublicationDeadline < today).Select(x => x.PlanId);

        async Task<(IReadOnlyList<ItemProblemRow>, IReadOnlyList<ResultCodeRow>, ProblemSummary)> ProblemsAsync(StatisticsScope scope, CancellationToken ct)
        {
            // Item lists and result lists are few distinct strings: group by them in SQL, split the handful of groups here.
            var groups = await scope.Tasks.Where(t => Reviewed.Contains(t.State))
                .Join(db.InspectionRecords, t => t.Id, r => r.TaskId, (t, r) => new { t.ItemIds, r.Results })
                .GroupBy(x => new { x.ItemIds, x.Results }).Select(g => new { g.Key.ItemIds, g.Key.Results, N = g.Count() }).ToListAsync(ct);
            var onlyItem = scope.Filter.ItemCode;
            var byItem = groups.SelectMany(g => g.ItemIds.Select(id => scope.Items[id])
                    .DistinctBy(i => i.Code).Select(i => (Item: i, g.N, Problem: ProblemCodes.AnyProblem(g.Results))))
                .Where(x => onlyItem is null || x.Item.Code == onlyItem)
                .GroupBy(x => x.Item.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ItemProblemRow(g.Key, g.First().Item.Name, g.Sum(x => x.N), g.Where(x => x.Problem).Sum(x => x.N))).ToList();
            var perCode = groups.SelectMany(g => g.Results.Split(';').Select(code => (code, g.N))).GroupBy(x => x.code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(x => x.N), StringComparer.Ordinal);
            var codes = RecordCodes.Results.Where(c => perCode.ContainsKey(c.Key))
                .Select(c => new ResultCodeRow(c.Key, c.Value, perCode[c.Key], ProblemCodes.IsProblem(c.Key))).ToList();
            return (byItem, codes, new ProblemSummary(groups.Sum(g => g.N), groups.Where(g => ProblemCodes.AnyProblem(g.Results)).Sum(g => g.N)));
        }

        async Task<IReadOnlyList<FollowUpRow>> FollowUpsAsync(StatisticsScope scope, DateOnly today, CancellationToken ct)
        {
            var groups = await db.FollowUpActions.AsNoTracking().Join(scope.Tasks, f => f.TaskId, t => t.Id, (f, t) => f)
                .Select(f => new
                {
                    f.Code, f.State,
                    Overdue = f.State == FollowUpState.Open && f.DueDate != null && f.DueDate < today,
                    Rechecked = db.InspectionTasks.Any(r => r.Id == f.RecheckTaskId && (r.State == TaskState.Approved || r.State == TaskState.Published)),
                })
                .GroupBy(x => new { x.Code, x.State, x.Overdue, x.Rechecked })
                .Select(g => new { g.Key.Code, g.Key.State, g.Key.Overdue, g.Key.Rechecked, N = g.Count() }).ToListAsync(ct);
            return [.. RecordCodes.FollowUps.Where(c => groups.Any(g => g.Code == c.Key)).Select(c =>
            {
                var mine = groups.Where(g => g.Code == c.Key).ToList();
                return new FollowUpRow(c.Key, c.Value, mine.Sum(g => g.N), mine.Where(g => g.State == FollowUpState.Open).Sum(g => g.N),
                    mine.Where(g => g.Overdue).Sum(g => g.N), mine.Where(g => g.Rechecked).Sum(g => g.N),
                    mine.Where(g => g.State == FollowUpState.Closed).Sum(g => g.N));
            })];
        }

        async Task<PublicationRow> PublicationAsync(StatisticsScope scope, DateOnly today, CancellationToken ct)
        {
            var groups = await db.PublishedResults.AsNoTracking().Where(r => r.Version == 1)
                .Join(scope.Tasks, r => r.TaskId, t => t.Id, (r, t) => new { HasDeadline = r.Deadline != null, Late = r.Deadline != null && r.PublishedOn > r.Deadline })
                .GroupBy(x => new { x.HasDeadline, x.Late }).Select(g => new { g.Key.HasDeadline, g.Key.Late, N = g.Count() }).ToListAsync(ct);
            var overdue = await OverdueQuery(scope, today).CountAsync(ct);
            return new PublicationRow(groups.Sum(g => g.N), groups.Where(g => g.HasDeadline && !g.Late).Sum(g => g.N),
                groups.Where(g => g.Late).Sum(g => g.N), groups.Where(g => !g.HasDeadline).Sum(g => g.N), overdue);
        }

        async Task<IReadOnlyList<WorkloadRow>> WorkloadAsync(StatisticsScope scope, CancellationToken ct)
        {
            var loads = await db.TaskMembers.AsNoTracking().Where(m => m.IsActive)
                .Join(scope.Tasks.Where(t => t.State != TaskState.Replaced), m => m.TaskId, t => t.Id,
                    (m, t) => new { m.OfficerId, Open = t.State == TaskState.Open || t.State == TaskState.Returned || t.State == TaskState.Submitted })
                .GroupBy(x => x.OfficerId).Select(g => new { OfficerId = g.Key, N = g.Count(), Open = g.Count(x => x.Open) }).ToListAsync(ct);
            var ids = loads.Select(l => l.OfficerId).ToList();
            var officers = await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id))
                .Select(o => new { o.Id, o.Code, o.Name, Dept = o.Department!.Name, o.WorkloadCap }).ToDictionaryAsync(o => o.Id, ct);
            return [.. loads.Select(l => (l, o: officers[l.OfficerId])).OrderByDescending(x => x.l.N).ThenBy(x => x.o.Code, StringComparer.Ordinal)
                .Select(x => new WorkloadRow(x.o.Id, x.o.Code, x.o.Name, x.o.Dept, x.l.N, x.l.Open, x.o.WorkloadCap))];
        }

        /// <summary>Every year with plans or tasks, under the same department, item, region and risk filter (plan and year aside).</summary>
        async Task<IReadOnlyList<TrendRow>> TrendAsync(StatisticsFilter filter, CancellationToken ct)
        {
            var years = (await db.Plans.AsNoTracking().Select(p => p.Year).Distinct().ToListAsync(ct))
                .Concat(await db.InspectionTasks.AsNoTracking().Where(t => t.PlanId == null).Select(t => t.DueDate.Year).Distinct().ToListAsync(ct))
                .Distinct().Order().ToList();
            var rows = new List<TrendRow>();
            foreach (var year in years)
            {
                var scope = await StatisticsScope.ResolveAsync(db, filter with { Year = year, PlanId = null }, ct);
                var groups = await scope.Tasks.Where(t => t.State != TaskState.Replaced)
                    .GroupJoin(db.InspectionRecords, t => t.Id, r => r.TaskId, (t, rs) => new { t, rs })
                    .SelectMany(x => x.rs.DefaultIfEmpty(), (x, r) => new { x.t.Source, x.t.State, Results = r == null ? null : r.Results })
                    .GroupBy(x => new { x.Source, x.State, x.Results }).Select(g => new { g.Key.Source, g.Key.State, g.Key.Results, N = g.Count() })
                    .ToListAsync(ct);
                var reviewed = groups.Where(g => TaskStates.IsReviewed(g.State)).ToList();
                rows.Add(new TrendRow(year, groups.Sum(g => g.N), groups.Where(g => TaskLabels.IsRandom(g.Source)).Sum(g => g.N),
                    reviewed.Sum(g => g.N), reviewed.Where(g => g.Results is { } r && ProblemCodes.AnyProblem(r)).Sum(g => g.N)));
            }
            return rows;
        }
    }
}
