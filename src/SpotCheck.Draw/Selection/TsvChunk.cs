using System.Text;

namespace SpotCheck.Draw.Selection;

/// <summary>One run of whole lines of the population TSV, counted and then ranked by one worker.</summary>
internal sealed class TsvChunk(ReadOnlyMemory<byte> tsv, int start, int end)
{
    public int Start => start;
    public (int Offset, string Message)? Error { get; private set; }
    public Dictionary<string, long> FrameCounts { get; } = new(StringComparer.Ordinal);
    public List<ExcludedRow> Excluded { get; } = [];
    public LowestK<Candidate>[]? Heaps { get; private set; }
    public ulong[] Fingerprints { get; private set; } = [];
    public int Lines { get; private set; }

    /// <summary>Splits at line starts into about <paramref name="parts"/> chunks.</summary>
    public static List<TsvChunk> Split(ReadOnlyMemory<byte> tsv, int parts)
    {
        var chunks = new List<TsvChunk>();
        var span = tsv.Span;
        var begin = 0;
        var size = Math.Max(1 << 16, span.Length / parts + 1);
        while (begin < span.Length)
        {
            var end = Math.Min(span.Length, begin + size);
            if (end < span.Length)
            {
                var nl = span[end..].IndexOf((byte)'\n');
                end = nl < 0 ? span.Length : end + nl + 1;
            }
            chunks.Add(new TsvChunk(tsv, begin, end));
            begin = end;
        }
        return chunks;
    }

    /// <summary>Pass 1: validates every line and counts the frame per stratum (excluded ids left out).</summary>
    public void Count(SelectionMode mode, Dictionary<string, DateOnly>? lastSelected, ExclusionWindow? window)
    {
        var excluded = lastSelected?.GetAlternateLookup<ReadOnlySpan<char>>();
        var names = new List<byte[]>();
        var counts = new List<long>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var current = -1;
        Span<char> chars = stackalloc char[DrawIds.MaxIdLength];
        var span = tsv.Span;
        var pos = start;
        while (pos < end)
        {
            if (!TsvLine.TryParse(span, pos, end, mode, out var line, out var error))
            {
                Error = (pos, error);
                return;
            }
            Lines++;
            pos = line.Next;
            if (excluded is not null && excluded.Value.TryGetValue(Ascii(span.Slice(line.IdOffset, line.IdLength), chars), out var last)
                && window!.AsOf.DayNumber - last.DayNumber < window.WindowDays) continue;
            var stratum = line.Stratum(span);
            if (current < 0 || !stratum.SequenceEqual(names[current]))
            {
                current = Find(names, stratum, byName, chars);
                if (current < 0)
                {
                    current = names.Count;
                    names.Add(stratum.ToArray());
                    counts.Add(0);
                    byName[Encoding.ASCII.GetString(stratum)] = current;
                }
            }
            counts[current]++;
        }
        for (var i = 0; i < names.Count; i++) FrameCounts[Encoding.ASCII.GetString(names[i])] = counts[i];
    }

    static int Find(List<byte[]> names, ReadOnlySpan<byte> stratum, Dictionary<string, int> byName, Span<char> chars)
    {
        if (names.Count > 16) return byName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(Ascii(stratum, chars), out var i) ? i : -1;
        for (var n = 0; n < names.Count; n++)
            if (stratum.SequenceEqual(names[n])) return n;
        return -1;
    }

    /// <summary>Pass 2: hashes every line, keeps each group's lowest keys and every id's fingerprint.</summary>
    public void Rank(string seed, string[] strata, int[] groupOfStratum, long[] quotas,
        Dictionary<string, DateOnly>? lastSelected, ExclusionWindow? window)
    {
        var order = new CandidateOrder(tsv);
        Heaps = quotas.Select(q => new LowestK<Candidate>(q, order)).ToArray();
        var strataIndex = new StratumIndex(strata);
        var excluded = lastSelected?.GetAlternateLookup<ReadOnlySpan<char>>();
        var keyer = new BatchKeyer(seed);
        Fingerprints = new ulong[Lines];
        Span<char> chars = stackalloc char[DrawIds.MaxIdLength];
        var span = tsv.Span;
        var pos = start;
        for (var i = 0; pos < end; i++)
        {
            TsvLine.TryParse(span, pos, end, SelectionMode.Weighted, out var line, out _);
            pos = line.Next;
            var id = span.Slice(line.IdOffset, line.IdLength);
            var isExcluded = excluded is not null && excluded.Value.ContainsKey(Ascii(id, chars))
                             && Selector.IsExcluded(window!, Encoding.ASCII.GetString(id), out var row) && Record(row);
            var stratum = isExcluded ? -1 : strataIndex.Find(line.Stratum(span));
            if (keyer.Add(i, id, line.IdOffset, stratum, isExcluded ? 1 : line.Weight, isExcluded)) Drain(keyer, groupOfStratum);
        }
        keyer.Complete();
        Drain(keyer, groupOfStratum);
        foreach (var fp in Fingerprints) Histogram[fp >> DuplicateIds.BucketShift]++;
    }

    public void ReleaseFingerprints() => Fingerprints = [];

    /// <summary>How many fingerprints fall into each of the duplicate check's buckets (top 16 bits).</summary>
    public int[] Histogram { get; } = new int[DuplicateIds.Buckets];

    bool Record(ExcludedRow row)
    {
        Excluded.Add(row);
        return true;
    }

    void Drain(BatchKeyer keyer, int[] groupOfStratum)
    {
        keyer.Complete();
        for (var s = 0; s < keyer.Count; s++)
        {
            Fingerprints[keyer.Line[s]] = keyer.Fingerprint[s];
            if (keyer.FingerprintOnly[s]) continue;
            var heap = Heaps![groupOfStratum[keyer.Stratum[s]]];
            var candidate = new Candidate(keyer.Key[s], keyer.Offset[s], keyer.Length[s], keyer.Stratum[s]);
            if (heap.Admits(candidate)) heap.Offer(candidate);
        }
        keyer.Reset();
    }

    static ReadOnlySpan<char> Ascii(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var n = Encoding.ASCII.GetChars(bytes, chars);
        return chars[..n];
    }
}

/// <summary>Stratum code bytes to index: a linear scan for the usual handful of strata, a dictionary beyond.</summary>
internal sealed class StratumIndex
{
    readonly byte[][] _names;
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StratumIndex(string[] strata)
    {
        _names = strata.Select(Encoding.ASCII.GetBytes).ToArray();
        _lookup = strata.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Find(ReadOnlySpan<byte> name)
    {
        if (_names.Length <= 16)
        {
            for (var i = 0; i < _names.Length; i++)
                if (name.SequenceEqual(_names[i])) return i;
            return -1;
        }
        Span<char> chars = stackalloc char[DrawIds.MaxCodeLength];
        var n = Encoding.ASCII.GetChars(name, chars);
        return _lookup.TryGetValue(chars[..n], out var index) ? index : -1;
    }
}

/// <summary>One parsed TSV line: where its fields lie and the offset of the next line.</summary>
internal readonly record struct TsvLine(int IdOffset, int IdLength, int StratumOffset, int StratumLength, int Weight, int Next)
{
    /// <summary>The stratum field, or <c>_</c> when the line has none.</summary>
    public ReadOnlySpan<byte> Stratum(ReadOnlySpan<byte> span) =>
        StratumOffset < 0 ? "_"u8 : span.Slice(StratumOffset, StratumLength);

    /// <summary>Parses and validates the line at <paramref name="pos"/>; <paramref name="error"/> omits the line number.</summary>
    public static bool TryParse(ReadOnlySpan<byte> span, int pos, int end, SelectionMode mode, out TsvLine line, out string error)
    {
        line = default;
        error = "";
        var nl = span[pos..end].IndexOf((byte)'\n');
        var lineEnd = nl < 0 ? end : pos + nl;
        var next = nl < 0 ? end : lineEnd + 1;
        var text = span[pos..lineEnd];
        if (text.IsEmpty)
        {
            error = "empty line";
            return false;
        }
        var tab1 = text.IndexOf((byte)'\t');
        var idLength = tab1 < 0 ? text.Length : tab1;
        int stratumOffset = -1, stratumLength = 1, weight = 1;
        if (tab1 >= 0)
        {
            var rest = text[(tab1 + 1)..];
            var tab2 = rest.IndexOf((byte)'\t');
            stratumOffset = pos + tab1 + 1;
            stratumLength = tab2 < 0 ? rest.Length : tab2;
            if (tab2 >= 0)
            {
                var w = rest[(tab2 + 1)..];
                if (w.IndexOf((byte)'\t') >= 0)
                {
                    error = "more than three TAB-separated fields (id, stratum, weight)";
                    return false;
                }
                if (!TryParseWeight(w, out weight))
                {
                    error = $"weight \"{Printable(w)}\" is not an integer 1…100";
                    return false;
                }
            }
        }
        var id = text[..idLength];
        if (!DrawIds.IsValidId(id))
        {
            error = $"id {DrawIds.DescribeBadId(Encoding.UTF8.GetString(id))}";
            return false;
        }
        if (stratumOffset >= 0 && !DrawIds.IsValidCode(span.Slice(stratumOffset, stratumLength)))
        {
            error = $"stratum {DrawIds.DescribeBadCode(Encoding.UTF8.GetString(span.Slice(stratumOffset, stratumLength)))}";
            return false;
        }
        try
        {
            Selector.CheckWeight(weight, mode, "weight");
        }
        catch (DrawInputException e)
        {
            error = e.Message;
            return false;
        }
        line = new TsvLine(pos, idLength, stratumOffset, stratumLength, weight, next);
        return true;
    }

    static bool TryParseWeight(ReadOnlySpan<byte> w, out int weight)
    {
        weight = 0;
        if (w.IsEmpty || w.Length > 3 || (w.Length > 1 && w[0] == '0')) return false;
        foreach (var b in w)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            weight = weight * 10 + (b - '0');
        }
        return true;
    }

    static string Printable(ReadOnlySpan<byte> bytes) => DrawIds.Printable(Encoding.UTF8.GetString(bytes));
}
