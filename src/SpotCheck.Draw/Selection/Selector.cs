namespace SpotCheck.Draw.Selection;

/// <summary>Target selection of draw-spec §3–4.1 over an in-memory frame.</summary>
public static class Selector
{
    /// <summary>Orders (key, id) as draw-spec §2.6 prescribes.</summary>
    public static readonly IComparer<RankedId> ByKeyThenId = Comparer<RankedId>.Create((a, b) =>
    {
        var c = a.Key.CompareTo(b.Key);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    });

    public static SelectionResult Select(string seed, IReadOnlyList<PopulationEntry> population, SelectionParams p)
    {
        Seeds.Require(seed, "seed");
        StratumQuotas.ValidateParams(p);
        ValidatePopulation(population, p.Mode);
        var (frame, excluded) = ApplyExclusion(population, p.Exclusion);

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in frame) counts[e.Stratum] = counts.GetValueOrDefault(e.Stratum) + 1;
        var (quota, report) = StratumQuotas.Compute(p, counts);

        var hasher = new SelectionHasher(seed);
        var heaps = quota.ToDictionary(q => q.Key, q => new LowestK<RankedId>(q.Value, ByKeyThenId), StringComparer.Ordinal);
        foreach (var e in frame)
        {
            var heap = heaps[GroupOf(e.Stratum, p.Mode)];
            if (heap.Capacity == 0) continue;
            heap.Offer(new RankedId(0, e.Id, e.Stratum, hasher.Key(e.Id, e.Weight)));
        }
        return new SelectionResult(Merge(heaps.Values.Select(h => h.DrainSorted())), report, excluded);
    }

    /// <summary>SRS and WEIGHTED rank the whole frame as one stratum; the labels are only carried along.</summary>
    internal static string GroupOf(string stratum, SelectionMode mode) => mode == SelectionMode.Stratified ? stratum : "";

    /// <summary>Numbers each stratum's sorted winners, then merges all strata by (key, id).</summary>
    internal static List<SelectedRow> Merge(IEnumerable<List<RankedId>> sortedPerStratum)
    {
        var rows = new List<(RankedId Row, int StratumRank)>();
        foreach (var list in sortedPerStratum)
            for (var i = 0; i < list.Count; i++) rows.Add((list[i], i + 1));
        rows.Sort((a, b) => ByKeyThenId.Compare(a.Row, b.Row));
        return rows.Select((r, i) => new SelectedRow(i + 1, r.StratumRank, r.Row.Id, r.Row.Stratum, r.Row.Key)).ToList();
    }

    static void ValidatePopulation(IReadOnlyList<PopulationEntry> population, SelectionMode mode)
    {
        var seen = new HashSet<string>(population.Count, StringComparer.Ordinal);
        for (var i = 0; i < population.Count; i++)
        {
            var e = population[i];
            if (!DrawIds.IsValidId(e.Id)) throw new DrawInputException($"population[{i}].id: {DrawIds.DescribeBadId(e.Id)}");
            if (!DrawIds.IsValidCode(e.Stratum))
                throw new DrawInputException($"population[{i}].stratum: {DrawIds.DescribeBadCode(e.Stratum)}");
            CheckWeight(e.Weight, mode, $"population[{i}].weight");
            if (!seen.Add(e.Id)) throw new DrawInputException($"population[{i}].id: duplicate id {e.Id}");
        }
    }

    internal static void CheckWeight(long weight, SelectionMode mode, string field)
    {
        if (weight == 0)
            throw new DrawInputException($"{field}: 0 means ineligible; leave the id out of the frame (list it in excluded.tsv)");
        if (weight is < 1 or > PopulationEntry.MaxWeight) throw new DrawInputException($"{field}: {weight} is outside 1…100");
        if (mode == SelectionMode.Srs && weight != 1) throw new DrawInputException($"{field}: SRS requires weight 1, got {weight}");
    }

    /// <summary>draw-spec §4.1: excluded when asOf − lastSelectedDate &lt; windowDays (whole calendar days).</summary>
    internal static bool IsExcluded(ExclusionWindow window, string id, out ExcludedRow row)
    {
        row = null!;
        if (!window.LastSelected.TryGetValue(id, out var last)) return false;
        var days = window.AsOf.DayNumber - last.DayNumber;
        if (days >= window.WindowDays) return false;
        row = new ExcludedRow(id, last, days);
        return true;
    }

    static (List<PopulationEntry> Frame, List<ExcludedRow> Excluded) ApplyExclusion(
        IReadOnlyList<PopulationEntry> population, ExclusionWindow? window)
    {
        if (window is null) return (population.ToList(), []);
        var frame = new List<PopulationEntry>(population.Count);
        var excluded = new List<ExcludedRow>();
        foreach (var e in population)
        {
            if (IsExcluded(window, e.Id, out var row)) excluded.Add(row);
            else frame.Add(e);
        }
        excluded.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return (frame, excluded);
    }
}
