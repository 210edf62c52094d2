namespace SpotCheck.Draw.Selection;

/// <summary>Keeps the k smallest items offered: a max-heap capped at k entries, O(k) memory (draw-spec §3.5).</summary>
public sealed class LowestK<T>(long k, IComparer<T> comparer)
{
    readonly PriorityQueue<T, T> _heap = new(Comparer<T>.Create((a, b) => comparer.Compare(b, a)));

    public long Capacity => k;

    public int Count => _heap.Count;

    public void Offer(T item)
    {
        if (_heap.Count < k) _heap.Enqueue(item, item);
        else if (k > 0 && comparer.Compare(item, _heap.Peek()) < 0) _heap.DequeueEnqueue(item, item);
    }

    /// <summary>Would <paramref name="item"/> be kept? Lets callers skip work for items that cannot enter.</summary>
    public bool Admits(T item) => _heap.Count < k || (k > 0 && comparer.Compare(item, _heap.Peek()) < 0);

    public void AddRange(LowestK<T> other)
    {
        foreach (var (item, _) in other._heap.UnorderedItems) Offer(item);
    }

    /// <summary>The kept items in ascending order (empties the heap).</summary>
    public List<T> DrainSorted()
    {
        var result = new List<T>(_heap.Count);
        while (_heap.TryDequeue(out var item, out _)) result.Add(item);
        result.Reverse();
        return result;
    }
}
