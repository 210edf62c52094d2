using System.Text.Json.Nodes;
using SpotCheck.Draw.Audit;
using static SpotCheck.Draw.Record.RecordFields;

namespace SpotCheck.Draw.Record;

/// <summary>
/// The record's log segment (draw-spec §7): every entry hashes to its <c>hash</c>, belongs to the draw, follows the
/// previous one (linked by <c>prev</c> where seqs are consecutive), and the ceremony steps of §6.3 appear once each, in
/// order: freeze, a commitment per party, the public randomness, a reveal per party, the results, at most one 公示 or void.
/// The steps bind the record: its inputsHash and declared source to the freeze, its commitments, public randomness and
/// secrets to their entries, its seed to the draw result.
/// </summary>
internal static class RecordLogCheck
{
    public const string Frozen = "INPUTS_FROZEN";
    public const string Commit = "COMMIT";
    public const string Randomness = "PUBLIC_RANDOMNESS";
    public const string Reveal = "REVEAL";
    public const string DrawResult = "DRAW_RESULT";
    public const string AssignmentResult = "ASSIGNMENT_RESULT";
    const string PublishedOrVoided = "PUBLISHED or VOIDED";

    static readonly string[] EntryKeys = ["seq", "ts", "type", "drawId", "actor", "payload", "prev", "hash"];

    static int? Phase(string type) => type switch
    {
        Frozen => 0,
        Commit => 1,
        Randomness => 2,
        Reveal => 3,
        DrawResult => 4,
        AssignmentResult => 5,
        "PUBLISHED" or "VOIDED" => 6,
        _ => null,
    };

    sealed record Step(int Index, long Seq, JsonObject Payload);

    /// <summary>What the rest of the record states, for the bindings.</summary>
    public sealed record Stated(
        string InputsHash, string? RandomnessSource, string PublicRandomness, string Seed,
        IReadOnlyList<(string Party, string Commitment)> Commitments, IReadOnlyList<(string Party, string Secret)> Secrets);

    public static void Check(JsonObject r, string drawId, Stated stated)
    {
        var log = Arr(r, "log", "log");
        var steps = new Dictionary<string, Step>(StringComparer.Ordinal);
        var commits = new Dictionary<string, Step>(StringComparer.Ordinal);
        var reveals = new Dictionary<string, Step>(StringComparer.Ordinal);
        string? previousHash = null;
        long previousSeq = 0;
        var phase = -1;
        var phaseType = "";
        for (var i = 0; i < log.Count; i++)
        {
            var o = Obj(log[i], $"log[{i}]");
            OnlyKeys(o, $"log[{i}]", EntryKeys);
            var entry = new LogEntry(Int(o, "seq", $"log[{i}].seq"), Time(Str(o, "ts", $"log[{i}].ts"), $"log[{i}].ts"),
                Str(o, "type", $"log[{i}].type"), StrOrNull(o, "drawId", $"log[{i}].drawId"), Str(o, "actor", $"log[{i}].actor"),
                Obj(o, "payload", $"log[{i}].payload"), Str(o, "prev", $"log[{i}].prev"), Str(o, "hash", $"log[{i}].hash"));
            Expect(LogChain.ComputeHash(entry), entry.Hash, $"log[{i}].hash (seq {entry.Seq})");
            if (entry.DrawId != drawId) throw Fail($"log[{i}].drawId: expected {drawId}, got {entry.DrawId ?? "null"}");
            if (previousHash is not null && entry.Seq <= previousSeq) throw Fail($"log[{i}].seq: {entry.Seq} does not follow {previousSeq}");
            if (previousHash is not null && entry.Seq == previousSeq + 1)
                Expect(previousHash, entry.Prev, $"log[{i}].prev (seq {entry.Seq})");
            previousHash = entry.Hash;
            previousSeq = entry.Seq;

            if (Phase(entry.Type) is not { } p) continue;
            var at = $"log[{i}] (seq {entry.Seq})";
            var step = new Step(i, entry.Seq, entry.Payload);
            if (entry.Type is Commit or Reveal)
            {
                var party = Str(entry.Payload, "party", $"log[{i}].payload.party");
                if (!(entry.Type == Commit ? commits : reveals).TryAdd(party, step)) throw Fail($"{at}: second {entry.Type} of party {party}");
            }
            else if (!steps.TryAdd(p == 6 ? PublishedOrVoided : entry.Type, step))
                throw Fail($"{at}: second {(p == 6 ? PublishedOrVoided : entry.Type)} entry");
            if (p < phase) throw Fail($"{at}: {entry.Type} after {phaseType}");
            if (p > phase) (phase, phaseType) = (p, entry.Type);
        }
        Bind(stated, steps, commits, reveals);
    }

    static void Bind(Stated stated, Dictionary<string, Step> steps, Dictionary<string, Step> commits, Dictionary<string, Step> reveals)
    {
        var frozen = steps.GetValueOrDefault(Frozen) ?? throw Fail($"log: no {Frozen} entry");
        Expect(Str(frozen.Payload, "inputsHash", $"log[{frozen.Index}].payload.inputsHash"), stated.InputsHash, $"inputsHash ({Frozen} seq {frozen.Seq})");
        Expect(StrOrNull(frozen.Payload, "randomnessSource", $"log[{frozen.Index}].payload.randomnessSource") ?? "null",
            stated.RandomnessSource ?? "null", $"randomnessSource ({Frozen} seq {frozen.Seq})");

        BindParties(stated.Commitments, commits, Commit, "commitments", "commitment", "who has no commitment in the record");

        var randomness = steps.GetValueOrDefault(Randomness);
        if (stated.PublicRandomness.Length > 0)
        {
            if (randomness is null) throw Fail($"publicRandomness: no {Randomness} entry in the log");
            Expect(Str(randomness.Payload, "publicRandomness", $"log[{randomness.Index}].payload.publicRandomness"), stated.PublicRandomness,
                $"publicRandomness ({Randomness} seq {randomness.Seq})");
        }
        else if (randomness is not null)
            throw Fail($"log[{randomness.Index}] (seq {randomness.Seq}): {Randomness}, but the record has no public randomness");

        BindParties(stated.Secrets, reveals, Reveal, "secrets", "secret", "who revealed no secret in the record");

        var result = steps.GetValueOrDefault(DrawResult) ?? throw Fail($"log: no {DrawResult} entry");
        Expect(Str(result.Payload, "seed", $"log[{result.Index}].payload.seed"), stated.Seed, $"seed ({DrawResult} seq {result.Seq})");
        if (!steps.ContainsKey(AssignmentResult)) throw Fail($"log: no {AssignmentResult} entry");
    }

    /// <summary>Each stated (party, value) has its entry with the same value, and each entry a stated party.</summary>
    static void BindParties(IReadOnlyList<(string Party, string Value)> stated, Dictionary<string, Step> entries, string type,
        string list, string field, string orphan)
    {
        for (var i = 0; i < stated.Count; i++)
        {
            var (party, value) = stated[i];
            var entry = entries.GetValueOrDefault(party) ?? throw Fail($"{list}[{i}]: no {type} entry of party {party} in the log");
            Expect(Str(entry.Payload, field, $"log[{entry.Index}].payload.{field}"), value, $"{list}[{i}].{field} ({type} seq {entry.Seq})");
        }
        foreach (var (party, entry) in entries)
            if (!stated.Any(s => s.Party == party)) throw Fail($"log[{entry.Index}] (seq {entry.Seq}): {type} of party {party}, {orphan}");
    }
}
