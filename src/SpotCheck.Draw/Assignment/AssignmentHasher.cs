using System.Text;
using SpotCheck.Draw.Hashing;

namespace SpotCheck.Draw.Assignment;

/// <summary>
/// T(A, target, officer) for many officers of one target: the seed block comes from the midstate and the
/// <c>":A:" target ":" officer</c> tails are hashed sixteen at a time. One instance per thread.
/// </summary>
internal sealed class AssignmentHasher
{
    readonly LaneHasher _lanes;
    readonly byte[] _tail = new byte[3 + DrawIds.MaxIdLength + 1 + DrawIds.MaxIdLength];
    readonly uint[] _digests = new uint[LaneHasher.Lanes * 8];
    readonly int[] _laneIndex = new int[LaneHasher.Lanes];
    int _prefix;

    /// <summary>Scratch list of pool members for the current target, reused across targets.</summary>
    public int[] Members { get; set; } = [];

    public AssignmentHasher(string seed) => _lanes = new LaneHasher(new SeedMidstate(seed), Encoding.ASCII.GetBytes(seed));

    public void SetTarget(string target) => _prefix = Encoding.ASCII.GetBytes($":A:{target}:", _tail);

    /// <summary>Fills <paramref name="dest"/>[i] with member <paramref name="members"/>[i] and its ticket.</summary>
    public void Tickets(byte[][] officerIds, ReadOnlySpan<int> members, Span<(TicketKey Key, int Member)> dest)
    {
        var used = 0;
        Span<byte> hash = stackalloc byte[32];
        for (var i = 0; i < members.Length; i++)
        {
            var officer = officerIds[members[i]];
            dest[i].Member = members[i];
            officer.CopyTo(_tail, _prefix);
            var tail = _tail.AsSpan(0, _prefix + officer.Length);
            if (tail.Length > LaneHasher.MaxTail)
            {
                _lanes.HashOne(tail, hash);
                dest[i].Key = TicketKey.From(hash);
                continue;
            }
            _lanes.SetTail(used, tail);
            _laneIndex[used++] = i;
            if (used == LaneHasher.Lanes) used = Flush(used, dest);
        }
        if (used > 0) Flush(used, dest);
    }

    int Flush(int used, Span<(TicketKey Key, int Member)> dest)
    {
        _lanes.HashLanes(_digests);
        for (var lane = 0; lane < used; lane++)
        {
            dest[_laneIndex[lane]].Key = LaneHasher.KeyOf(_digests, lane);
        }
        return 0;
    }
}
