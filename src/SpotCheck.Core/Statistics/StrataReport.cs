using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;

namespace SpotCheck.Core.Statistics;

/// <summary>
/// One stratum of one draw: how many targets the plan's ratio implies for the frozen frame (draw-spec §3.3, ceiling
/// rounding, recomputed here from the stored snapshot, not by the draw engine) and how many were drawn. Substitutes
/// for frame errors (draw-spec §4.2) are counted apart: they replace a drawn target, they do not add one.
/// </summary>
public sealed record StratumRow(string DrawId, int PlanId, string PlanName, string Stratum, long RatioPpm, int FrameSize, int Implied,
    int Drawn, int Substitutes)
{
    public bool Matches => Drawn == Implied;
}

public static class StrataReport
{
    /// <summary>
    /// The strata of the plans' draws. ⌈N × ratio⌉ holds for a whole stratum only, so under a risk filter only the
    /// stratum of that class (as frozen) is kept, and under a region filter only strata whose every frozen target is an
    /// enterprise of the region.
    /// </summary>
    public static async Task<IReadOnlyList<StratumRow>> ForAsync(AppDbContext db, IReadOnlyList<PlanInfo> plans, StatisticsFilter filter, CancellationToken ct)
    {
        var planIds = plans.Select(p => p.Id).ToList();
        var draws = await db.DrawSessions.AsNoTracking().IgnoreAutoIncludes()
            .Where(d => planIds.Contains(d.PlanId) && d.SupplementOf == null && (d.Status == DrawStatus.Drawn || d.Status == DrawStatus.Partial))
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.DrawId, d.PlanId, d.ManifestJson }).ToListAsync(ct);
        if (draws.Count == 0) return [];
        var drawIds = draws.Select(d => d.DrawId).ToList();
        var selected = await db.DrawSelections.AsNoTracking().Where(s => drawIds.Contains(s.DrawId) && !s.IsSupplement)
            .GroupBy(s => new { s.DrawId, s.Stratum }).Select(g => new { g.Key.DrawId, g.Key.Stratum, N = g.Count() }).ToListAsync(ct);
        var substitutes = await db.DrawSelections.AsNoTracking().Where(s => drawIds.Contains(s.DrawId) && !s.IsSupplement)
            .Where(s => db.InspectionTasks.Any(t => t.DrawId == s.DrawId && t.EnterpriseId == s.EnterpriseId && t.ReplacesTaskId != null))
            .GroupBy(s => new { s.DrawId, s.Stratum }).Select(g => new { g.Key.DrawId, g.Key.Stratum, N = g.Count() }).ToListAsync(ct);
        var inRegion = filter.Region is null ? null
            : (await (filter with { Risk = null }).Directory(db).Select(e => e.Uscc).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<StratumRow>();
        foreach (var d in draws)
        {
            // The snapshot of a large directory is tens of megabytes: read one draw's population at a time.
            var population = await db.Set<DrawSnapshot>().AsNoTracking().Where(s => s.DrawSessionId == d.Id).Select(s => s.Population).SingleAsync(ct);
            var (frame, outside) = FrameSizes(population, inRegion);
            var ratios = JsonNode.Parse(d.ManifestJson)!["params"]!["ratioPpm"]!.AsObject()
                .ToDictionary(x => x.Key, x => x.Value!.GetValue<long>(), StringComparer.Ordinal);
            var name = plans.Single(p => p.Id == d.PlanId).Name;
            foreach (var (stratum, ppm) in ratios.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if ((filter.Risk is { } risk && stratum != risk) || outside.ContainsKey(stratum)) continue;
                var n = frame.GetValueOrDefault(stratum);
                var sub = substitutes.Where(x => x.DrawId == d.DrawId && x.Stratum == stratum).Sum(x => x.N);
                var all = selected.Where(x => x.DrawId == d.DrawId && x.Stratum == stratum).Sum(x => x.N);
                rows.Add(new StratumRow(d.DrawId, d.PlanId, name, stratum, ppm, n, Implied(n, ppm), all - sub, sub));
            }
        }
        return rows;
    }

    public const string FilterNote = "按区域或风险等级筛选时，只列出整层都在筛选范围内的层（风险等级按抽取时冻结的分层），部分在内的层无法单独核对应抽数";

    /// <summary>draw-spec §3.3: k = min(N, ceil(N × ppm / 10⁶)) in 64-bit integers.</summary>
    public static int Implied(int frameSize, long ppm) => (int)Math.Min(frameSize, (frameSize * ppm + 999_999) / 1_000_000);

    /// <summary>
    /// Rows per stratum of population.tsv (id TAB stratum TAB weight, one per line), and per stratum the rows whose id
    /// (USCC) is not in <paramref name="inside"/> (none counted without it).
    /// </summary>
    static (Dictionary<string, int> Sizes, Dictionary<string, int> Outside) FrameSizes(string tsv, HashSet<string>? inside)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var outside = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySpan = sizes.GetAlternateLookup<ReadOnlySpan<char>>();
        var outsideBySpan = outside.GetAlternateLookup<ReadOnlySpan<char>>();
        var insideBySpan = inside?.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var line in tsv.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty) continue;
            var tab = line.IndexOf('\t');
            var rest = line[(tab + 1)..];
            var stratum = rest[..rest.IndexOf('\t')];
            bySpan[stratum] = bySpan.TryGetValue(stratum, out var n) ? n + 1 : 1;
            if (insideBySpan is { } lookup && !lookup.Contains(line[..tab]))
                outsideBySpan[stratum] = outsideBySpan.TryGetValue(stratum, out var o) ? o + 1 : 1;
        }
        return (sizes, outside);
    }

    public static string Label(string stratum) => stratum switch
    {
        FrameBuilder.FlaggedStratum => "失信/异常名录",
        "A" or "B" or "C" or "D" => stratum + "类（信用风险）",
        _ => stratum,
    };
}
