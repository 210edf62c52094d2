namespace SpotCheck.Draw.Record;

/// <summary>
/// Joins lines into one LF-terminated text in ordinal order (draw-spec §6.1). A frame read in key order is only
/// checked; otherwise the lines are sorted in slices on every core and merged, so a million-line snapshot costs a
/// fraction of one sequential sort.
/// </summary>
static class SortedLines
{
    const int SliceMinimum = 65_536;

    public static string Join(string[] lines)
    {
        if (!IsSorted(lines)) Sort(lines, null);
        var length = lines.Length;
        foreach (var line in lines) length += line.Length;
        return string.Create(length, lines, static (span, all) =>
        {
            foreach (var line in all)
            {
                line.CopyTo(span);
                span[line.Length] = '\n';
                span = span[(line.Length + 1)..];
            }
        });
    }

    public static bool IsSorted(string[] keys)
    {
        for (var i = 1; i < keys.Length; i++)
            if (string.CompareOrdinal(keys[i - 1], keys[i]) > 0) return false;
        return true;
    }

    /// <summary>Sorts <paramref name="keys"/> ordinally in place, moving <paramref name="rows"/> (when given) with them.</summary>
    public static void Sort(string[] keys, int[]? rows)
    {
        if (rows is not null && PackedKeys.TrySort(keys, rows)) return;
        var slices = Math.Clamp(keys.Length / SliceMinimum, 1, Environment.ProcessorCount);
        var bounds = Enumerable.Range(0, slices + 1).Select(i => (int)((long)keys.Length * i / slices)).ToArray();
        Parallel.For(0, slices, i => Array.Sort(keys, rows, bounds[i], bounds[i + 1] - bounds[i], StringComparer.Ordinal));
        var runs = Enumerable.Range(0, slices).Select(i => new Run(keys, rows, bounds[i], bounds[i + 1] - bounds[i])).ToList();
        while (runs.Count > 1)
        {
            var merged = new List<Run>();
            for (var i = 0; i + 1 < runs.Count; i += 2) merged.Add(Merge(runs[i], runs[i + 1]));
            if (runs.Count % 2 == 1) merged.Add(runs[^1]);
            runs = merged;
        }
        var sorted = runs[0];
        if (sorted.Keys == keys) return;
        Array.Copy(sorted.Keys, keys, keys.Length);
        if (rows is not null) Array.Copy(sorted.Rows!, rows, rows.Length);
    }

    readonly record struct Run(string[] Keys, int[]? Rows, int Offset, int Count);

    static Run Merge(Run a, Run b)
    {
        var keys = new string[a.Count + b.Count];
        var rows = a.Rows is null ? null : new int[keys.Length];
        int i = a.Offset, j = b.Offset, k = 0, aEnd = a.Offset + a.Count, bEnd = b.Offset + b.Count;
        while (i < aEnd || j < bEnd)
        {
            var fromA = j == bEnd || (i < aEnd && string.CompareOrdinal(a.Keys[i], b.Keys[j]) <= 0);
            if (rows is not null) rows[k] = fromA ? a.Rows![i] : b.Rows![j];
            keys[k++] = fromA ? a.Keys[i++] : b.Keys[j++];
        }
        return new Run(keys, rows, 0, keys.Length);
    }
}
