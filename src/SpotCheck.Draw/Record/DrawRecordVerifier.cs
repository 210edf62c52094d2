using System.Text;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Json;
using SpotCheck.Draw.Selection;
using static SpotCheck.Draw.Record.RecordFields;

namespace SpotCheck.Draw.Record;

public sealed record RecordVerification(string? Discrepancy, string Summary)
{
    public bool IsValid => Discrepancy is null;
}

/// <summary>
/// Re-checks a published draw record end to end (draw-spec §6.8) and reports the first discrepancy: the JSON itself →
/// envelope → snapshot hashes → inputsHash → commitments → seed → trust label and declared source → selection and
/// quotas → exclusions → substitutions → assignment and status → log segment and its bindings (docs/draw-record.md).
/// The in-browser verifier (src/SpotCheck/wwwroot/js/verify) runs the same checks in the same order with the same words.
/// </summary>
public static class DrawRecordVerifier
{
    static readonly string[] TopLevelKeys =
    [
        "format", "algorithm", "software", "drawId", "status", "inputs", "inputsHash", "snapshot", "commitments", "randomnessSource",
        "publicRandomness", "publicRandomnessAt", "secrets", "seed", "trust", "trustLabel", "selected", "strata", "teams", "infeasible",
        "substitutions", "log",
    ];

    public static RecordVerification Verify(ReadOnlyMemory<byte> utf8)
    {
        if (RecordJsonScan.Problem(utf8.Span) is { } problem) return new RecordVerification(problem, "");
        var span = utf8.Span.StartsWith("\uFEFF"u8) ? utf8.Span[3..] : utf8.Span;
        var record = JsonNode.Parse(span)!.AsObject();
        try
        {
            return new RecordVerification(null, Check(record));
        }
        catch (DrawInputException e)
        {
            return new RecordVerification(e.Message, "");
        }
    }

    /// <summary>Verifies the record as a reader of its JSON text sees it.</summary>
    public static RecordVerification Verify(JsonObject record) => Verify(Encoding.UTF8.GetBytes(record.ToJsonString()));

    static string Check(JsonObject r)
    {
        Expect(DrawRecordBuilder.Format, Str(r, "format", "format"), "format");
        OnlyKeys(r, "", TopLevelKeys);
        Expect(DrawHash.Algorithm, Str(r, "algorithm", "algorithm"), "algorithm");
        var drawId = Str(r, "drawId", "drawId");
        if (!DrawIds.IsValidId(drawId)) throw Fail($"drawId: {DrawIds.DescribeBadId(drawId)}");
        var inputs = Obj(r, "inputs", "inputs");
        Expect(DrawHash.Algorithm, Str(inputs, "algorithm", "inputs.algorithm"), "inputs.algorithm");
        Expect(drawId, Str(inputs, "drawId", "inputs.drawId"), "inputs.drawId");

        var texts = SnapshotTexts(r, inputs);
        var inputsHash = DrawHash.Sha256Hex(Jcs.SerializeToUtf8Bytes(inputs));
        Expect(inputsHash, Str(r, "inputsHash", "inputsHash"), "inputsHash");

        var (seed, stated) = CheckSeed(r, drawId, inputsHash);
        var definition = RecordSnapshot.Definition(inputs, drawId, texts);
        var selection = Selector.Select(seed, definition.Frame, definition.Selection);
        RecordSnapshot.CheckExclusions(definition, texts[SnapshotFiles.Excluded] is not null);
        Compare(RecordJson.Selected(selection), Arr(r, "selected", "selected"), "selected");
        Compare(RecordJson.Strata(selection), Arr(r, "strata", "strata"), "strata");
        RecordResultsCheck.CheckSubstitutions(r, definition, seed, selection);
        var teams = RecordResultsCheck.CheckAssignment(r, definition, seed, selection, texts);
        RecordLogCheck.Check(r, drawId, stated);
        return $"OK drawId={drawId} selected={selection.Selected.Count} teams={teams}";
    }

    /// <summary>Each snapshot file is text or null (private, known by its hash only); published ones must hash to the manifest.</summary>
    static Dictionary<string, string?> SnapshotTexts(JsonObject r, JsonObject inputs)
    {
        var snapshot = Obj(r, "snapshot", "snapshot");
        OnlyKeys(snapshot, "snapshot", SnapshotFiles.All);
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in SnapshotFiles.All)
        {
            if (!snapshot.ContainsKey(file)) throw Fail($"snapshot.{file}: missing (a private file is published as null)");
            var text = StrOrNull(snapshot, file, $"snapshot.{file}");
            texts[file] = text;
            var field = SnapshotFiles.HashField(file);
            var stated = Str(inputs, field, $"inputs.{field}");
            if (text is not null) Expect(SnapshotFiles.Hash(text), stated, $"inputs.{field} (hash of {file})");
        }
        if (texts[SnapshotFiles.Population] is null) throw Fail($"snapshot.{SnapshotFiles.Population}: missing (the frame must be published)");
        return texts;
    }

    static (string Seed, RecordLogCheck.Stated Stated) CheckSeed(JsonObject r, string drawId, string inputsHash)
    {
        var commitments = Arr(r, "commitments", "commitments");
        var secretList = new List<(string Party, string Secret)>();
        var secrets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var secretNodes = Arr(r, "secrets", "secrets");
        for (var i = 0; i < secretNodes.Count; i++)
        {
            var at = $"secrets[{i}]";
            var s = Obj(secretNodes[i], at);
            OnlyKeys(s, at, "party", "secret");
            var party = Party(s, at);
            var secret = Str(s, "secret", $"{at}.secret");
            if (!secrets.TryAdd(party, secret)) throw Fail($"{at}.party: {party} revealed twice");
            secretList.Add((party, secret));
        }
        var randomness = Str(r, "publicRandomness", "publicRandomness");
        if (randomness.Length > 0 && DrawRecordRules.FirstNonCanonicalPart(randomness) is { } part)
            throw Fail($"publicRandomness: \"{DrawIds.Printable(part)}\" is not canonical (dice:<20+ digits>, drand:<chain>:<round>:<64 hex> or nist:<chain>:<pulse>:<128 hex>, joined by ',')");
        var randomnessAt = StrOrNull(r, "publicRandomnessAt", "publicRandomnessAt") is { } t ? Time(t, "publicRandomnessAt") : null;
        if (commitments.Count == 0) throw Fail("commitments: none published");
        var committed = new List<(string Party, string Commitment)>();
        for (var i = 0; i < commitments.Count; i++)
        {
            var at = $"commitments[{i}]";
            var c = Obj(commitments[i], at);
            OnlyKeys(c, at, "party", "commitment", "publishedAt");
            var party = Party(c, at);
            if (committed.Any(x => x.Party == party)) throw Fail($"{at}.party: {party} committed twice");
            if (!secrets.TryGetValue(party, out var secret)) throw Fail($"secrets: party {party} committed but revealed no secret");
            var commitment = Str(c, "commitment", $"{at}.commitment");
            if (DrawHash.Commitment(drawId, party, secret) != commitment) throw Fail($"commitment of party {party} does not match revealed secret");
            var publishedAt = Time(Str(c, "publishedAt", $"{at}.publishedAt"), $"{at}.publishedAt");
            if (randomnessAt is not null && string.CompareOrdinal(publishedAt, randomnessAt) >= 0)
                throw Fail($"{at}.publishedAt: published at or after the public randomness (draw-spec §6.8)");
            committed.Add((party, commitment));
        }
        foreach (var party in secrets.Keys)
            if (!committed.Any(x => x.Party == party)) throw Fail($"secrets: party {party} revealed a secret without a commitment");
        var seed = DrawHash.Seed(drawId, inputsHash, secrets, randomness);
        Expect(seed, Str(r, "seed", "seed"), "seed");
        var (trust, label) = DrawRecordRules.Trust(randomness, commitments.Count);
        Expect(trust, Str(r, "trust", "trust"), "trust");
        Expect(label, Str(r, "trustLabel", "trustLabel"), "trustLabel");
        var source = CheckDeclaredSource(r, randomness);
        return (seed, new RecordLogCheck.Stated(inputsHash, source, randomness, seed, committed, secretList));
    }

    static string Party(JsonObject o, string at)
    {
        var party = Str(o, "party", $"{at}.party");
        return DrawIds.IsValidId(party) ? party : throw Fail($"{at}.party: {DrawIds.DescribeBadId(party)}");
    }

    /// <summary>draw-spec §6.3–6.4: the source named at freeze, before its value existed, must be of the kinds the value uses.</summary>
    static string? CheckDeclaredSource(JsonObject r, string randomness)
    {
        var source = StrOrNull(r, "randomnessSource", "randomnessSource");
        if (randomness.Length == 0)
        {
            if (source is not null) throw Fail("randomnessSource: declared, but the draw used no public randomness");
            return null;
        }
        if (source is null) throw Fail("randomnessSource: missing (the source must be declared at freeze, draw-spec §6.3)");
        var declared = DrawRecordRules.DeclaredKinds(source)
                       ?? throw Fail($"randomnessSource: \"{DrawIds.Printable(source)}\" does not start with its kinds (dice, drand or nist, joined by +)");
        var used = DrawRecordRules.UsedKinds(randomness);
        if (!used.SetEquals(declared))
            throw Fail($"randomnessSource: declares {DrawRecordRules.KindList(declared)}, but publicRandomness is {DrawRecordRules.KindList(used)}");
        return source;
    }
}
