using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Record;

/// <summary>
/// A frame gathered column by column: read as a list it gives <see cref="PopulationEntry"/> rows, and
/// <see cref="SnapshotFiles.PopulationTsv"/> writes it straight into population.tsv, without an object or a string per
/// member (a third of a second of allocation at a million members). Strata are usually a handful of shared strings.
/// </summary>
public sealed class PopulationColumns : IReadOnlyList<PopulationEntry>
{
    readonly List<string> _ids;
    readonly List<string> _strata;
    readonly List<int> _weights;
    (string[] Ids, int[] Rows)? _sorted;

    public PopulationColumns(int capacity = 0) => (_ids, _strata, _weights) = (new(capacity), new(capacity), new(capacity));

    public void Add(string id, string stratum, int weight = 1)
    {
        _ids.Add(id);
        _strata.Add(stratum);
        _weights.Add(weight);
        _sorted = null;
    }

    public int Count => _ids.Count;
    public IReadOnlyList<string> Ids => _ids;
    public PopulationEntry this[int index] => new(_ids[index], _strata[index], _weights[index]);

    public IEnumerator<PopulationEntry> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Members per stratum.</summary>
    public Dictionary<string, int> StratumSizes()
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var stratum in _strata) sizes[stratum] = sizes.GetValueOrDefault(stratum) + 1;
        return sizes;
    }

    /// <summary>
    /// The lines in id order, which is line order unless one id is another's prefix followed by a character below TAB
    /// (or repeats it): those rare frames take the line-by-line path, so the text is always that of the rows.
    /// </summary>
    internal string ToTsv()
    {
        var (ids, rows) = SortedIds();
        for (var i = 1; i < ids.Length; i++)
            if (ids[i].Length >= ids[i - 1].Length && ids[i].AsSpan().StartsWith(ids[i - 1])
                && (ids[i].Length == ids[i - 1].Length || ids[i][ids[i - 1].Length] < '\t'))
                return SortedLines.Join([.. this.Select(SnapshotFiles.Line)]);
        var length = 0L;
        for (var i = 0; i < ids.Length; i++) length += ids[i].Length + _strata[i].Length + Digits(_weights[i]) + 3;
        return string.Create(checked((int)length), (ids, rows, this), static (span, state) =>
        {
            var (ids, rows, columns) = state;
            for (var i = 0; i < ids.Length; i++)
            {
                var row = rows[i];
                ids[i].CopyTo(span);
                span[ids[i].Length] = '\t';
                span = span[(ids[i].Length + 1)..];
                var stratum = columns._strata[row];
                stratum.CopyTo(span);
                span[stratum.Length] = '\t';
                span = span[(stratum.Length + 1)..];
                columns._weights[row].TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
                span[written] = '\n';
                span = span[(written + 1)..];
            }
        });
    }

    /// <summary>The members' row numbers in id order (ordinal), for files written per member in snapshot order.</summary>
    public IReadOnlyList<int> IdOrder() => SortedIds().Rows;

    (string[] Ids, int[] Rows) SortedIds()
    {
        if (_sorted is { } sorted) return sorted;
        var ids = _ids.ToArray();
        var rows = Enumerable.Range(0, ids.Length).ToArray();
        if (!SortedLines.IsSorted(ids)) SortedLines.Sort(ids, rows);
        _sorted = (ids, rows);
        return (ids, rows);
    }

    static int Digits(int weight) => weight < 0 ? Digits(-(long)weight) + 1 : Digits((long)weight);

    static int Digits(long value)
    {
        var digits = 1;
        while (value >= 10) (value, digits) = (value / 10, digits + 1);
        return digits;
    }
}
