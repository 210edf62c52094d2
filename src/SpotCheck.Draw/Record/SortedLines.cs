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
        if (!IsSorted(lines)) lines = Sort(lines);
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

    static bool IsSorted(string[] lines)
    {
        for (var i = 1; i < lines.Length; i++)
            if (string.CompareOrdinal(lines[i - 1], lines[i]) > 0) return false;
        return true;
    }

    static string[] Sort(string[] lines)
    {
        var slices = Math.Clamp(lines.Length / SliceMinimum, 1, Environment.ProcessorCount);
        var bounds = Enumerable.Range(0, slices + 1).Select(i => (int)((long)lines.Length * i / slices)).ToArray();
        Parallel.For(0, slices, i => Array.Sort(lines, bounds[i], bounds[i + 1] - bounds[i], StringComparer.Ordinal));
        var runs = Enumerable.Range(0, slices).Select(i => new ArraySegment<string>(lines, bounds[i], bounds[i + 1] - bounds[i])).ToList();
        while (runs.Count > 1)
        {
            var merged = new List<ArraySegment<string>>();
            for (var i = 0; i + 1 < runs.Count; i += 2) merged.Add(Merge(runs[i], runs[i + 1]));
            if (runs.Count % 2 == 1) merged.Add(runs[^1]);
            runs = merged;
        }
        return runs[0].Offset == 0 && runs[0].Count == lines.Length && runs[0].Array == lines ? lines : [.. runs[0]];
    }

    static ArraySegment<string> Merge(ArraySegment<string> a, ArraySegment<string> b)
    {
        var result = new string[a.Count + b.Count];
        int i = 0, j = 0, k = 0;
        while (i < a.Count && j < b.Count) result[k++] = string.CompareOrdinal(a[i], b[j]) <= 0 ? a[i++] : b[j++];
        while (i < a.Count) result[k++] = a[i++];
        while (j < b.Count) result[k++] = b[j++];
        return result;
    }
}
