using System.Text;
using SpotCheck.Draw.Hashing;

namespace SpotCheck.Draw.Selection;

/// <summary>
/// Collects lines and their T(S, id, j) messages, hashes them sixteen at a time with <see cref="LaneHasher"/>, and
/// keeps per line the minimum ticket (the key) and the first 8 bytes of T(S, id, 1) (the duplicate fingerprint).
/// The caller adds lines until <see cref="Add"/> reports the batch full, then calls <see cref="Complete"/>, reads the
/// results and calls <see cref="Reset"/>. One instance per thread.
/// </summary>
internal sealed class BatchKeyer
{
    public const int Capacity = 512;
    readonly LaneHasher _hasher;
    readonly int[] _laneSlot = new int[LaneHasher.Lanes];
    readonly int[] _laneJ = new int[LaneHasher.Lanes];
    readonly uint[] _digests = new uint[LaneHasher.Lanes * 8];
    int _lanesUsed;

    public BatchKeyer(string seed)
    {
        _hasher = new LaneHasher(new SeedMidstate(seed), Encoding.ASCII.GetBytes(seed));
    }

    public int Count { get; private set; }
    public int[] Line { get; } = new int[Capacity];
    public int[] Offset { get; } = new int[Capacity];
    public int[] Length { get; } = new int[Capacity];
    public int[] Stratum { get; } = new int[Capacity];
    public bool[] FingerprintOnly { get; } = new bool[Capacity];
    public TicketKey[] Key { get; } = new TicketKey[Capacity];
    public ulong[] Fingerprint { get; } = new ulong[Capacity];

    /// <summary>Queues a line; with <paramref name="fingerprintOnly"/> only T(S, id, 1) is computed. True when full.</summary>
    public bool Add(int line, ReadOnlySpan<byte> id, int offset, int stratum, int weight, bool fingerprintOnly)
    {
        var slot = Count++;
        Line[slot] = line;
        Offset[slot] = offset;
        Length[slot] = id.Length;
        Stratum[slot] = stratum;
        FingerprintOnly[slot] = fingerprintOnly;
        Key[slot] = TicketKey.Max;
        Span<byte> tail = stackalloc byte[3 + DrawIds.MaxIdLength + 1 + 3];
        ":S:"u8.CopyTo(tail);
        id.CopyTo(tail[3..]);
        var jAt = 3 + id.Length;
        tail[jAt++] = (byte)':';
        Span<byte> hash = stackalloc byte[32];
        for (var j = 1; j <= weight; j++)
        {
            var len = jAt + SelectionHasher.WriteDecimal(tail[jAt..], j);
            if (len > LaneHasher.MaxTail)
            {
                _hasher.HashOne(tail[..len], hash);
                Take(slot, j, TicketKey.From(hash));
                continue;
            }
            _hasher.SetTail(_lanesUsed, tail[..len]);
            _laneSlot[_lanesUsed] = slot;
            _laneJ[_lanesUsed] = j;
            if (++_lanesUsed == LaneHasher.Lanes) FlushLanes();
        }
        return Count == Capacity;
    }

    public void Complete()
    {
        if (_lanesUsed > 0) FlushLanes();
    }

    public void Reset() => Count = 0;

    void FlushLanes()
    {
        _hasher.HashLanes(_digests);
        for (var lane = 0; lane < _lanesUsed; lane++)
        {
            Take(_laneSlot[lane], _laneJ[lane], LaneHasher.KeyOf(_digests, lane));
        }
        _lanesUsed = 0;
    }

    void Take(int slot, int j, TicketKey key)
    {
        if (j == 1) Fingerprint[slot] = key.W0;
        if (key < Key[slot]) Key[slot] = key;
    }
}
