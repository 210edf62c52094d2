using System.Text;

namespace SpotCheck.Draw.Selection;

/// <summary>
/// Rejects a population TSV holding an id twice without a per-id string set: the chunks' sorted fingerprints are
/// merged and scanned for equal neighbours; only then are the lines with a colliding fingerprint compared exactly
/// (two different ids sharing 64 bits of SHA-256 are not a duplicate).
/// </summary>
internal static class DuplicateIds
{
    public static void ThrowIfAny(string seed, ReadOnlyMemory<byte> tsv, IReadOnlyList<TsvChunk> chunks)
    {
        var all = MergeSorted(chunks.Select(c => c.Fingerprints).ToList());
        HashSet<ulong>? suspects = null;
        for (var i = 1; i < all.Length; i++)
            if (all[i] == all[i - 1]) (suspects ??= []).Add(all[i]);
        if (suspects is not null) Confirm(seed, tsv, suspects);
    }

    static ulong[] MergeSorted(List<ulong[]> arrays)
    {
        if (arrays.Count == 0) return [];
        while (arrays.Count > 1)
        {
            var next = new ulong[(arrays.Count + 1) / 2][];
            Parallel.For(0, next.Length, i =>
                next[i] = 2 * i + 1 < arrays.Count ? Merge(arrays[2 * i], arrays[2 * i + 1]) : arrays[2 * i]);
            arrays = [.. next];
        }
        return arrays[0];
    }

    static ulong[] Merge(ulong[] a, ulong[] b)
    {
        var result = new ulong[a.Length + b.Length];
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Length) result[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        a.AsSpan(i).CopyTo(result.AsSpan(k));
        b.AsSpan(j).CopyTo(result.AsSpan(k + a.Length - i));
        return result;
    }

    static void Confirm(string seed, ReadOnlyMemory<byte> tsv, HashSet<ulong> suspects)
    {
        var hasher = new SelectionHasher(seed);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var span = tsv.Span;
        var pos = 0;
        for (var lineNo = 1; pos < span.Length; lineNo++)
        {
            TsvLine.TryParse(span, pos, span.Length, SelectionMode.Weighted, out var line, out _);
            pos = line.Next;
            var id = span.Slice(line.IdOffset, line.IdLength);
            hasher.Key(id, 1, out var fingerprint);
            if (!suspects.Contains(fingerprint)) continue;
            var text = Encoding.ASCII.GetString(id);
            if (firstLine.TryGetValue(text, out var first))
                throw new DrawInputException($"{TsvSelector.Source} line {lineNo}: duplicate id {text} (first on line {first})");
            firstLine[text] = lineNo;
        }
    }
}
