using System.Text;

namespace SpotCheck.Draw.Selection;

/// <summary>
/// Selection straight from a population TSV (<c>id TAB stratum TAB weight</c>, stratum default <c>_</c>, weight
/// default 1) held in memory. Same result as <see cref="Selector"/>, built for tens of millions of lines: the buffer is
/// split at line boundaries and processed on all cores; ids stay byte spans; each stratum keeps a heap capped at its
/// quota; duplicates are found through 64-bit fingerprints (the first 8 bytes of T(S, id, 1)) and confirmed exactly.
/// </summary>
public static class TsvSelector
{
    public const string Source = "--population";

    public static SelectionResult Select(string seed, ReadOnlyMemory<byte> tsv, SelectionParams p, int? parallelism = null)
    {
        Seeds.Require(seed, "seed");
        StratumQuotas.ValidateParams(p);
        var exclusion = p.Exclusion is null ? null : new Dictionary<string, DateOnly>(p.Exclusion.LastSelected, StringComparer.Ordinal);
        var degree = Math.Max(1, parallelism ?? Environment.ProcessorCount);
        var chunks = TsvChunk.Split(tsv, degree * 4);

        Parallel.ForEach(chunks, new ParallelOptions { MaxDegreeOfParallelism = degree }, c => c.Count(p.Mode, exclusion, p.Exclusion));
        ThrowFirstError(tsv, chunks);

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var c in chunks)
            foreach (var (stratum, n) in c.FrameCounts) counts[stratum] = counts.GetValueOrDefault(stratum) + n;
        var (quota, report) = StratumQuotas.Compute(p, counts);
        var strata = counts.Keys.Order(StringComparer.Ordinal).ToArray();
        var groups = strata.Select(s => Selector.GroupOf(s, p.Mode)).ToArray();
        var groupNames = quota.Keys.Order(StringComparer.Ordinal).ToArray();
        var groupOfStratum = groups.Select(g => Array.IndexOf(groupNames, g)).ToArray();
        var quotas = groupNames.Select(g => quota[g]).ToArray();

        Parallel.ForEach(chunks, new ParallelOptions { MaxDegreeOfParallelism = degree },
            c => c.Rank(seed, strata, groupOfStratum, quotas, exclusion, p.Exclusion));
        DuplicateIds.ThrowIfAny(seed, tsv, chunks);

        var perGroup = new List<List<RankedId>>();
        for (var g = 0; g < groupNames.Length; g++)
        {
            var merged = new LowestK<Candidate>(quotas[g], new CandidateOrder(tsv));
            foreach (var c in chunks) merged.AddRange(c.Heaps![g]);
            perGroup.Add(merged.DrainSorted()
                .Select(x => new RankedId(0, Encoding.ASCII.GetString(tsv.Span.Slice(x.Offset, x.Length)), strata[x.Stratum], x.Key))
                .ToList());
        }
        var excluded = chunks.SelectMany(c => c.Excluded).ToList();
        excluded.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new SelectionResult(Selector.Merge(perGroup), report, excluded);
    }

    static void ThrowFirstError(ReadOnlyMemory<byte> tsv, IEnumerable<TsvChunk> chunks)
    {
        var first = chunks.Where(c => c.Error is not null).MinBy(c => c.Error!.Value.Offset);
        if (first is null) return;
        var (offset, message) = first.Error!.Value;
        throw new DrawInputException($"{Source} line {LineNumber(tsv.Span, offset)}: {message}");
    }

    internal static int LineNumber(ReadOnlySpan<byte> tsv, int offset) => tsv[..offset].Count((byte)'\n') + 1;
}

/// <summary>A ranked line: its key, where its id lies in the buffer, and its stratum's index.</summary>
internal readonly record struct Candidate(TicketKey Key, int Offset, int Length, int Stratum);

/// <summary>(key, id) order with the id compared as bytes, which is ordinal order for these ASCII ids.</summary>
internal sealed class CandidateOrder(ReadOnlyMemory<byte> tsv) : IComparer<Candidate>
{
    public int Compare(Candidate a, Candidate b)
    {
        var c = a.Key.CompareTo(b.Key);
        if (c != 0) return c;
        var span = tsv.Span;
        return span.Slice(a.Offset, a.Length).SequenceCompareTo(span.Slice(b.Offset, b.Length));
    }
}
