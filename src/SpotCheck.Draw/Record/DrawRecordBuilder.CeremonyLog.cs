using System.Text.Json.Nodes;
using SpotCheck.Draw.Audit;

namespace SpotCheck.Draw.Record;

public sealed partial class DrawRecordBuilder
{
    /// <summary>
    /// Appends the ceremony entries that a record's log must hold (draw-spec §6.3: freeze, one commitment and one reveal per
    /// party, the public randomness, the results), chained from <paramref name="previousHash"/> one second apart, with the
    /// payload fields the verifier binds. For records made outside the platform (examples, tests, benchmarks); the
    /// platform logs each step through its own audit log as it happens. Call after <see cref="Assign"/>.
    /// </summary>
    public DrawRecordBuilder LogCeremony(long firstSeq, DateTimeOffset at, string actor, string previousHash)
    {
        var steps = new List<(string Type, JsonObject Payload)>
        {
            (RecordLogCheck.Frozen, new JsonObject { ["inputsHash"] = InputsHash, ["randomnessSource"] = _declaredSource }),
        };
        steps.AddRange(_commitments.Select(c => (RecordLogCheck.Commit, new JsonObject { ["party"] = c.Party, ["commitment"] = c.Commitment })));
        if (_publicRandomness.Length > 0) steps.Add((RecordLogCheck.Randomness, new JsonObject { ["publicRandomness"] = _publicRandomness }));
        steps.AddRange(_secrets.Select(s => (RecordLogCheck.Reveal, new JsonObject { ["party"] = s.Key, ["secret"] = s.Value })));
        steps.Add((RecordLogCheck.DrawResult, new JsonObject { ["seed"] = Seed, ["selected"] = Selection.Selected.Count }));
        steps.Add((RecordLogCheck.AssignmentResult, new JsonObject
        {
            ["teams"] = _assignment?.Assigned.Count ?? 0, ["infeasible"] = _assignment?.Infeasible.Count ?? 0,
        }));
        var prev = previousHash;
        foreach (var ((type, payload), n) in steps.Select((s, n) => (s, n)))
        {
            var entry = LogChain.Create(firstSeq + n, at.AddSeconds(n), type, _definition.DrawId, actor, payload, prev);
            _log.Add(entry);
            prev = entry.Hash;
        }
        return this;
    }
}
