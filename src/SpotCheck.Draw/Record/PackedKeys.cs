namespace SpotCheck.Draw.Record;

/// <summary>
/// Sorts ids of one length, up to 27 ASCII characters (a directory of USCCs: 18 characters), as integers: seven bits per
/// character, nine characters per word, so for such ids ordinal order is the order of the words read as big-endian
/// numbers, and a million ids sort by integer comparisons instead of string comparisons, several times quicker. Ids of
/// up to 18 characters take two words (a smaller key to move), longer ones three. Other ids are left to the string sort.
/// </summary>
static class PackedKeys
{
    const int CharsPerWord = 9;
    const int MaxLength = 3 * CharsPerWord;

    interface IKey<TKey> : IComparable<TKey>
    {
        int Index { get; }
    }

    readonly record struct Key2(ulong High, ulong Low, int Index) : IKey<Key2>
    {
        public int CompareTo(Key2 other) => High != other.High ? High.CompareTo(other.High) : Low.CompareTo(other.Low);
    }

    readonly record struct Key3(ulong High, ulong Middle, ulong Low, int Index) : IKey<Key3>
    {
        public int CompareTo(Key3 other) =>
            High != other.High ? High.CompareTo(other.High)
            : Middle != other.Middle ? Middle.CompareTo(other.Middle)
            : Low.CompareTo(other.Low);
    }

    /// <summary>Sorts <paramref name="keys"/> and <paramref name="rows"/> together; false (nothing moved) when the ids do not qualify.</summary>
    public static bool TrySort(string[] keys, int[] rows)
    {
        if (keys.Length == 0) return true;
        var length = keys[0].Length;
        if (length > MaxLength || !Qualify(keys, length)) return false;
        if (length <= 2 * CharsPerWord)
            Sort(keys, rows, static (id, index) => new Key2(Word(id, 0), Word(id, 1), index));
        else
            Sort(keys, rows, static (id, index) => new Key3(Word(id, 0), Word(id, 1), Word(id, 2), index));
        return true;
    }

    static bool Qualify(string[] keys, int length)
    {
        foreach (var id in keys)
            if (id.Length != length || !System.Text.Ascii.IsValid(id)) return false;
        return true;
    }

    /// <summary>Characters 9·<paramref name="word"/> to 9·word + 8 of the id, seven bits each, missing ones as zero.</summary>
    static ulong Word(string id, int word)
    {
        var value = 0UL;
        for (int c = word * CharsPerWord, end = c + CharsPerWord; c < end; c++)
            value = (value << 7) | (c < id.Length ? id[c] : 0u);
        return value;
    }

    static void Sort<TKey>(string[] keys, int[] rows, Func<string, int, TKey> pack) where TKey : struct, IKey<TKey>
    {
        var packed = new TKey[keys.Length];
        var half = packed.Length / 2;
        // Each half packed and sorted on its own core, then one merge.
        Parallel.Invoke(() => PackAndSort(keys, packed, 0, half, pack), () => PackAndSort(keys, packed, half, packed.Length, pack));
        var (sortedKeys, sortedRows) = (new string[keys.Length], new int[rows.Length]);
        int a = 0, b = half;
        for (var k = 0; k < packed.Length; k++)
        {
            var next = b == packed.Length || (a < half && packed[a].CompareTo(packed[b]) <= 0) ? packed[a++] : packed[b++];
            (sortedKeys[k], sortedRows[k]) = (keys[next.Index], rows[next.Index]);
        }
        sortedKeys.CopyTo(keys, 0);
        sortedRows.CopyTo(rows, 0);
    }

    static void PackAndSort<TKey>(string[] keys, TKey[] packed, int from, int to, Func<string, int, TKey> pack) where TKey : struct, IKey<TKey>
    {
        for (var i = from; i < to; i++) packed[i] = pack(keys[i], i);
        Array.Sort(packed, from, to - from);
    }
}
