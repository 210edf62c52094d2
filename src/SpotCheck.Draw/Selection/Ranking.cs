namespace SpotCheck.Draw.Selection;

/// <summary>
/// Ranks beyond the sample (draw-spec §4.2): top-ups continue at rank k+1, a substitute is the lowest unused rank of
/// its stratum. The caller passes the frame of one stratum (the whole frame for SRS and WEIGHTED); no new seed.
/// </summary>
public static class Ranking
{
    /// <summary>The whole stratum in rank order: O(N log N).</summary>
    public static IReadOnlyList<RankedId> RankAll(string seed, IEnumerable<PopulationEntry> stratumFrame) =>
        Ranks(seed, stratumFrame, 1, long.MaxValue);

    /// <summary>Ranks fromRank … fromRank + count − 1 (fewer when the stratum is smaller), using O(fromRank + count) memory.</summary>
    public static IReadOnlyList<RankedId> Ranks(string seed, IEnumerable<PopulationEntry> stratumFrame, long fromRank, long count)
    {
        if (fromRank < 1) throw new ArgumentOutOfRangeException(nameof(fromRank), "ranks start at 1");
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), "count must not be negative");
        var hasher = new SelectionHasher(seed);
        var heap = new LowestK<RankedId>(count == long.MaxValue ? long.MaxValue : fromRank - 1 + count, Selector.ByKeyThenId);
        foreach (var e in stratumFrame) heap.Offer(new RankedId(0, e.Id, e.Stratum, hasher.Key(e.Id, e.Weight)));
        return heap.DrainSorted().Select((r, i) => r with { Rank = i + 1 }).Where(r => r.Rank >= fromRank).ToList();
    }

    /// <summary>The lowest-ranked id not in <paramref name="used"/> (the sample and earlier substitutes), or null.</summary>
    public static RankedId? FirstUnused(string seed, IEnumerable<PopulationEntry> stratumFrame, IReadOnlySet<string> used) =>
        RankAll(seed, stratumFrame).FirstOrDefault(r => !used.Contains(r.Id));
}
