using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;

namespace SpotCheck.Core.Statistics;

/// <summary>
/// 公平性证据: per stratum, drawn against what the plan's ratio implies; per draw, each officer's assignments against
/// what the assignment rules imply; each with a plain verdict and the test used.
/// </summary>
public static class FairnessReport
{
    public sealed record DrawOfficers(string DrawId, string PlanName, int Targets, int TeamSize, OfficerVerdict Verdict);

    public sealed record Report(IReadOnlyList<StratumRow> Strata, bool StrataPassed, string StrataVerdict, IReadOnlyList<DrawOfficers> Officers)
    {
        public bool Passed => StrataPassed && Officers.All(o => o.Verdict.Passed);
    }

    public const string StrataMethod = "逐层核对：应抽数 = min(N, ⌈N × 比例⌉)（按冻结的名录快照逐层计数，整数运算），与实际抽取数比较；名录错误的替补不计入";

    public static (bool Passed, string Verdict) StrataVerdict(IReadOnlyList<StratumRow> rows, bool narrowed = false)
    {
        if (rows.Count == 0) return (true, narrowed ? "筛选范围内没有可整层核对的抽取层（部分在内的层无法单独核对应抽数）。" : "本期没有已完成的抽取。");
        var off = rows.Where(r => !r.Matches).ToList();
        return off.Count == 0
            ? (true, $"各层抽取数均等于按计划比例计算的应抽数（{rows.Count}个层，共抽取{rows.Sum(r => r.Drawn)}户），没有多抽或少抽。")
            : (false, "发现异常：" + string.Join("；", off.Select(r => $"{r.DrawId} {StrataReport.Label(r.Stratum)} 应抽{r.Implied}户、实抽{r.Drawn}户")) + "。");
    }

    public sealed class Handler(AppDbContext db)
    {
        /// <param name="strata">The strata of the same filter when already computed (the dashboard's), to read the snapshots once.</param>
        public async Task<Report> HandleAsync(StatisticsFilter filter, IReadOnlyList<StratumRow>? strata = null, CancellationToken ct = default)
        {
            var scope = await StatisticsScope.ResolveAsync(db, filter, ct);
            strata ??= await StrataReport.ForAsync(db, scope.Plans, filter, ct);
            var (passed, verdict) = StrataVerdict(strata, filter.NarrowsDirectory);
            return new Report(strata, passed, verdict, await OfficersAsync(scope.Plans, filter, ct));
        }

        /// <remarks>
        /// Under a region or risk filter only the targets in the filtered directory count: which enterprise a target is
        /// does not depend on who is assigned to it, so each officer's count among them is still binomial.
        /// </remarks>
        async Task<IReadOnlyList<DrawOfficers>> OfficersAsync(IReadOnlyList<PlanInfo> plans, StatisticsFilter filter, CancellationToken ct)
        {
            var planIds = plans.Select(p => p.Id).ToList();
            var draws = await db.DrawSessions.AsNoTracking().IgnoreAutoIncludes()
                .Where(d => planIds.Contains(d.PlanId) && (d.Status == DrawStatus.Drawn || d.Status == DrawStatus.Partial))
                .OrderBy(d => d.Id).Select(d => new { d.Id, d.DrawId, d.PlanId, d.ManifestJson }).ToListAsync(ct);
            var names = await db.Officers.AsNoTracking().Select(o => new { o.Code, o.Name }).ToDictionaryAsync(o => o.Code, o => o.Name, ct);
            var result = new List<DrawOfficers>();
            foreach (var d in draws)
            {
                var selections = db.DrawSelections.AsNoTracking().Where(s => s.DrawId == d.DrawId && s.Team.Length > 0);
                if (filter.NarrowsDirectory)
                {
                    var directory = filter.Directory(db);
                    selections = selections.Where(s => directory.Any(e => e.Id == s.EnterpriseId));
                }
                // One row per distinct team: a handful of groups, whatever the number of targets.
                var teams = await selections.GroupBy(s => s.Team).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
                var staffed = teams.Sum(t => t.N);
                var assigned = teams.SelectMany(t => t.Key.Select(code => (code, t.N))).GroupBy(x => x.code, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Sum(x => x.N), StringComparer.Ordinal);
                var inspectors = await db.Set<DrawSnapshot>().AsNoTracking().Where(s => s.DrawSessionId == d.Id).Select(s => s.Inspectors).SingleAsync(ct);
                var manifest = JsonNode.Parse(d.ManifestJson)!;
                var p = manifest["params"]!;
                var endDate = manifest["planEndDate"]!.GetValue<string>();
                var departments = p["departments"]!.AsArray().Select(x => x!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                var pool = Pool(inspectors, endDate, departments, names);
                result.Add(new DrawOfficers(d.DrawId, plans.Single(x => x.Id == d.PlanId).Name, staffed, p["teamSize"]!.GetValue<int>(),
                    OfficerFairness.Evaluate(staffed, pool, assigned)));
            }
            return result;
        }

        /// <summary>inspectors.tsv rows (id, dept, active, certValidTo, load, cap) that no standing rule excludes (draw-spec §5.2 rules 1–3).</summary>
        static List<OfficerFairness.Officer> Pool(string tsv, string planEnd, HashSet<string> departments, Dictionary<string, string> names) =>
            [.. tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))
                .Where(f => f[2] == "1" && string.CompareOrdinal(f[3], planEnd) >= 0 && departments.Contains(f[1]))
                .Select(f => new OfficerFairness.Officer(f[0], names.GetValueOrDefault(f[0], f[0]), f[1]))];
    }

    public static string PValueText(double p) => p < 0.0001 ? "< 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);
}
