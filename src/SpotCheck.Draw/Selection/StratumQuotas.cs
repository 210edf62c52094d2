using System.Globalization;
namespace SpotCheck.Draw.Selection;

/// <summary>How many ids each stratum contributes (draw-spec §3.2–3.4) and the strata report.</summary>
public static class StratumQuotas
{
    public const long PpmDenominator = 1_000_000;

    /// <summary>k_h = min(N_h, ⌈N_h × ppm_h / 10^6⌉) in 64-bit integers.</summary>
    public static long CeilingPpm(long n, long ppm) => Math.Min(n, (n * ppm + PpmDenominator - 1) / PpmDenominator);

    /// <summary>Checks the parameters against the draw-spec rules that do not depend on the frame.</summary>
    public static void ValidateParams(SelectionParams p)
    {
        switch (p.Mode)
        {
            case SelectionMode.Srs or SelectionMode.Weighted:
                if (p.K is null) throw new DrawInputException($"k: required in {ModeName(p.Mode)} mode");
                if (p.K < 0) throw new DrawInputException($"k: {p.K} is negative");
                if (p.RatioPpm is not null) throw new DrawInputException($"ratioPpm: only allowed in STRATIFIED mode");
                if (p.KByStratum is not null) throw new DrawInputException($"kByStratum: only allowed in STRATIFIED mode");
                break;
            case SelectionMode.Stratified:
                if (p.K is not null) throw new DrawInputException("k: not allowed in STRATIFIED mode (use ratioPpm or kByStratum)");
                if (p.RatioPpm is not null && p.KByStratum is not null)
                    throw new DrawInputException("ratioPpm: cannot be combined with kByStratum");
                if (p.RatioPpm is null && p.KByStratum is null)
                    throw new DrawInputException("ratioPpm: STRATIFIED mode needs ratioPpm or kByStratum");
                foreach (var (stratum, ppm) in p.RatioPpm ?? new Dictionary<string, long>())
                {
                    if (!DrawIds.IsValidCode(stratum)) throw new DrawInputException($"ratioPpm: {DrawIds.DescribeBadCode(stratum)}");
                    if (ppm is < 0 or > PpmDenominator) throw new DrawInputException($"ratioPpm.{stratum}: {ppm} is outside 0…1000000");
                }
                foreach (var (stratum, k) in p.KByStratum ?? new Dictionary<string, long>())
                {
                    if (!DrawIds.IsValidCode(stratum)) throw new DrawInputException($"kByStratum: {DrawIds.DescribeBadCode(stratum)}");
                    if (k < 0) throw new DrawInputException($"kByStratum.{stratum}: {k} is negative");
                }
                break;
        }
        if (p.Exclusion is { } x)
        {
            if (x.WindowDays < 0) throw new DrawInputException($"windowDays: {x.WindowDays} is negative");
            foreach (var (id, date) in x.LastSelected)
            {
                if (!DrawIds.IsValidId(id)) throw new DrawInputException($"lastSelected: {DrawIds.DescribeBadId(id)}");
                if (date > x.AsOf) throw new DrawInputException(string.Create(CultureInfo.InvariantCulture, $"lastSelected.{id}: {date:yyyy-MM-dd} is after asOf"));
            }
        }
    }

    public static string ModeName(SelectionMode mode) => mode switch
    {
        SelectionMode.Srs => "SRS",
        SelectionMode.Stratified => "STRATIFIED",
        _ => "WEIGHTED",
    };

    /// <summary>
    /// The quota per stratum present in the frame (counts <paramref name="frameCounts"/>), plus the report rows
    /// (empty for SRS/WEIGHTED, where the whole frame is ranked as one stratum under the key "").
    /// </summary>
    public static (Dictionary<string, long> Quota, List<StratumReport> Report) Compute(
        SelectionParams p, IReadOnlyDictionary<string, long> frameCounts)
    {
        var quota = new Dictionary<string, long>(StringComparer.Ordinal);
        var report = new List<StratumReport>();
        if (p.Mode != SelectionMode.Stratified)
        {
            quota[""] = Math.Min(frameCounts.Values.Sum(), p.K!.Value);
            return (quota, report);
        }
        var entries = (IReadOnlyDictionary<string, long>?)p.RatioPpm ?? p.KByStratum!;
        var field = p.RatioPpm is not null ? "ratioPpm" : "kByStratum";
        foreach (var stratum in frameCounts.Keys.Order(StringComparer.Ordinal))
            if (!entries.ContainsKey(stratum)) throw new DrawInputException($"{field}: no entry for stratum {stratum}");
        foreach (var stratum in entries.Keys.Order(StringComparer.Ordinal))
        {
            var n = frameCounts.GetValueOrDefault(stratum);
            var k = p.RatioPpm is not null ? CeilingPpm(n, entries[stratum]) : Math.Min(n, entries[stratum]);
            quota[stratum] = k;
            report.Add(new StratumReport(stratum, n, p.RatioPpm is not null ? entries[stratum] : null, k));
        }
        return (quota, report);
    }
}
