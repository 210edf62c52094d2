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
    public static async Task<IReadOnlyList<StratumRow>> ForAsync(AppDbContext db, IReadOnlyList<PlanInfo> plans, CancellationToken ct)
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
        var rows = new List<StratumRow>();
        foreach (var d in draws)
        {
            // The snapshot of a large directory is tens of megabytes: read one draw's population at a time.
            var population = await db.Set<DrawSnapshot>().AsNoTracking().Where(s => s.DrawSessionId == d.Id).Select(s => s.Population).SingleAsync(ct);
            var frame = FrameSizes(population);
            var ratios = JsonNode.Parse(d.ManifestJson)!["params"]!["ratioPpm"]!.AsObject()
                .ToDictionary(x => x.Key, x => x.Value!.GetValue<long>(), StringComparer.Ordinal);
            var name = plans.Single(p => p.Id == d.PlanId).Name;
            foreach (var (stratum, ppm) in ratios.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                var n = frame.GetValueOrDefault(stratum);
                var sub = substitutes.Where(x => x.DrawId == d.DrawId && x.Stratum == stratum).Sum(x => x.N);
                var all = selected.Where(x => x.DrawId == d.DrawId && x.Stratum == stratum).Sum(x => x.N);
                rows.Add(new StratumRow(d.DrawId, d.PlanId, name, stratum, ppm, n, Implied(n, ppm), all - sub, sub));
            }
        }
        return rows;
    }

    /// <summary>draw-spec §3.3: k = min(N, ceil(N × ppm / 10⁶)) in 64-bit integers.</summary>
    public static int Implied(int frameSize, long ppm) => (int)Math.Min(frameSize, (frameSize * ppm + 999_999) / 1_000_000);

    /// <summary>Rows per stratum of population.tsv (id TAB stratum TAB weight, one per line).</summary>
    static Dictionary<string, int> FrameSizes(string tsv)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySpan = sizes.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var line in tsv.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty) continue;
            var rest = line[(line.IndexOf('\t') + 1)..];
            var stratum = rest[..rest.IndexOf('\t')];
            bySpan[stratum] = bySpan.TryGetValue(stratum, out var n) ? n + 1 : 1;
        }
        return sizes;
    }

    public static string Label(string stratum) => stratum switch
    {
        FrameBuilder.FlaggedStratum => "失信/异常名录",
        "A" or "B" or "C" or "D" => stratum + "类（信用风险）",
        _ => stratum,
    };
}
