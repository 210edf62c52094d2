namespace SpotCheck.Draw.Record;

/// <summary>
/// Sorts ids of one length, up to 24 ASCII characters (a directory of USCCs: 18 characters), as three integers each:
/// for such ids ordinal order is the order of their characters read as big-endian numbers, so a million ids sort by
/// integer comparisons instead of string comparisons, several times quicker. Other ids are left to the string sort.
/// </summary>
static class PackedKeys
{
    const int MaxLength = 24;

    readonly record struct Key(ulong High, ulong Middle, ulong Low, int Index) : IComparable<Key>
    {
        public int CompareTo(Key other) =>
            High != other.High ? High.CompareTo(other.High)
            : Middle != other.Middle ? Middle.CompareTo(other.Middle)
            : Low.CompareTo(other.Low);
    }

    /// <summary>Sorts <paramref name="keys"/> and <paramref name="rows"/> together; false (nothing moved) when the ids do not qualify.</summary>
    public static bool TrySort(string[] keys, int[] rows)
    {
        if (keys.Length == 0) return true;
        var length = keys[0].Length;
        if (length > MaxLength) return false;
        var packed = new Key[keys.Length];
        Span<ulong> words = stackalloc ulong[3];
        for (var i = 0; i < keys.Length; i++)
        {
            var id = keys[i];
            if (id.Length != length) return false;
            words.Clear();
            for (var c = 0; c < MaxLength; c++)
            {
                var ch = c < length ? id[c] : '\0';
                if (ch > 127) return false;
                words[c / 8] = (words[c / 8] << 8) | ch;
            }
            packed[i] = new Key(words[0], words[1], words[2], i);
        }
        // Two halves at once, then one merge.
        var half = packed.Length / 2;
        Parallel.Invoke(() => Array.Sort(packed, 0, half), () => Array.Sort(packed, half, packed.Length - half));
        var (sortedKeys, sortedRows) = (new string[keys.Length], new int[rows.Length]);
        int a = 0, b = half;
        for (var k = 0; k < packed.Length; k++)
        {
            var next = b == packed.Length || (a < half && packed[a].CompareTo(packed[b]) <= 0) ? packed[a++] : packed[b++];
            (sortedKeys[k], sortedRows[k]) = (keys[next.Index], rows[next.Index]);
        }
        sortedKeys.CopyTo(keys, 0);
        sortedRows.CopyTo(rows, 0);
        return true;
    }
}
