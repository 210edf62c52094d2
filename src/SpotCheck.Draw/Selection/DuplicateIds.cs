using System.Text;

namespace SpotCheck.Draw.Selection;

/// <summary>
/// Rejects a population TSV holding an id twice without a per-id string set: equal 64-bit fingerprints are found by a
/// bucket sort; only then are the lines with a colliding fingerprint compared exactly (two different ids sharing 64
/// bits of SHA-256 are not a duplicate).
/// </summary>
internal static class DuplicateIds
{
    public const int BucketShift = 48;
    public const int Buckets = 1 << (64 - BucketShift);

    /// <summary>
    /// Fingerprints are uniformly distributed, so scattering them by their top 16 bits (each chunk writing its own
    /// slice of every bucket) leaves small buckets whose sorting is cheap; equal fingerprints end up side by side.
    /// </summary>
    public static void ThrowIfAny(string seed, ReadOnlyMemory<byte> tsv, IReadOnlyList<TsvChunk> chunks)
    {
        var bucketStart = new long[Buckets + 1];
        for (var b = 0; b < Buckets; b++)
        {
            long sum = 0;
            foreach (var c in chunks) sum += c.Histogram[b];
            bucketStart[b + 1] = bucketStart[b] + sum;
        }
        var writeAt = new long[chunks.Count][];
        for (var c = 0; c < chunks.Count; c++)
        {
            writeAt[c] = new long[Buckets];
            for (var b = 0; b < Buckets; b++)
                writeAt[c][b] = c == 0 ? bucketStart[b] : writeAt[c - 1][b] + chunks[c - 1].Histogram[b];
        }
        var all = new ulong[bucketStart[Buckets]];
        Parallel.For(0, chunks.Count, c =>
        {
            var at = writeAt[c];
            foreach (var fp in chunks[c].Fingerprints) all[at[fp >> BucketShift]++] = fp;
            chunks[c].ReleaseFingerprints();
        });

        var suspects = new HashSet<ulong>();
        const int ranges = 64;
        Parallel.For(0, ranges, r =>
        {
            for (var b = r * (Buckets / ranges); b < (r + 1) * (Buckets / ranges); b++)
            {
                var bucket = all.AsSpan((int)bucketStart[b], (int)(bucketStart[b + 1] - bucketStart[b]));
                bucket.Sort();
                for (var i = 1; i < bucket.Length; i++)
                    if (bucket[i] == bucket[i - 1])
                        lock (suspects) suspects.Add(bucket[i]);
            }
        });
        if (suspects.Count > 0) Confirm(seed, tsv, suspects);
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
