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
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.DrawId, d.PlanId, d.ManifestJson, d.FrameStrata }).ToListAsync(ct);
        if (draws.Count == 0) return [];
        var drawIds = draws.Select(d => d.DrawId).ToList();
        var selected = await db.DrawSelections.AsNoTracking().Where(s => drawIds.Contains(s.DrawId) && !s.IsSupplement)
            .GroupBy(s => new { s.DrawId, s.Stratum }).Select(g => new { g.Key.DrawId, g.Key.Stratum, N = g.Count() }).ToListAsync(ct);
        // Substitutes are few in any history: read them by the index on what they replace, then their selection rows.
        var substituted = (await db.InspectionTasks.IgnoreQueryFilters().AsNoTracking().Where(t => t.ReplacesTaskId != null)
            .Select(t => new { t.DrawId, t.EnterpriseId }).ToListAsync(ct)).Where(t => t.DrawId is not null && drawIds.Contains(t.DrawId)).ToHashSet();
        var substitutedDraws = substituted.Select(t => t.DrawId!).Distinct().ToList();
        var substitutedIds = substituted.Select(t => t.EnterpriseId).Distinct().ToList();
        var substitutes = substituted.Count == 0 ? [] : (await db.DrawSelections.AsNoTracking()
            .Where(s => !s.IsSupplement && substitutedDraws.Contains(s.DrawId) && substitutedIds.Contains(s.EnterpriseId))
            .Select(s => new { s.DrawId, s.EnterpriseId, s.Stratum }).ToListAsync(ct))
            .Where(s => substituted.Contains(new { DrawId = (string?)s.DrawId, s.EnterpriseId }))
            .GroupBy(s => new { s.DrawId, s.Stratum }).Select(g => new { g.Key.DrawId, g.Key.Stratum, N = g.Count() }).ToList();
        var inRegion = filter.Region is null ? null
            : (await (filter with { Risk = null }).Directory(db).Select(e => e.Uscc).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<StratumRow>();
        foreach (var d in draws)
        {
            // Only a region filter needs the frozen ids; the snapshot of a large directory is tens of megabytes, read one draw at a time.
            var (frame, outside) = inRegion is null ? (FrameStrataText.Parse(d.FrameStrata), [])
                : FrameStrataText.Count(await db.Set<DrawSnapshot>().AsNoTracking().Where(s => s.DrawSessionId == d.Id).Select(s => s.Population).SingleAsync(ct), inRegion);
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

    public static string Label(string stratum) => stratum switch
    {
        FrameBuilder.FlaggedStratum => "失信/异常名录",
        "A" or "B" or "C" or "D" => stratum + "类（信用风险）",
        _ => stratum,
    };
}
