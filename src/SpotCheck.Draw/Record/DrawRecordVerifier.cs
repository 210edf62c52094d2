using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Audit;
using SpotCheck.Draw.Json;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Record;

public sealed record RecordVerification(string? Discrepancy, string Summary)
{
    public bool IsValid => Discrepancy is null;
}

/// <summary>
/// Re-checks a published draw record end to end (draw-spec §6.8): snapshot hashes → inputsHash → commitments → seed →
/// selection → substitutions → assignment (fully when the private files are present, tickets otherwise) → log entries.
/// Reports the first discrepancy.
/// </summary>
public static class DrawRecordVerifier
{
    public static RecordVerification Verify(ReadOnlyMemory<byte> utf8)
    {
        JsonObject record;
        try
        {
            record = JsonNode.Parse(utf8.Span, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                     ?? throw new DrawInputException("record: must be a JSON object");
        }
        catch (JsonException e)
        {
            return new RecordVerification($"record: malformed JSON ({e.Message})", "");
        }
        return Verify(record);
    }

    public static RecordVerification Verify(JsonObject record)
    {
        try
        {
            var summary = Check(record);
            return new RecordVerification(null, summary);
        }
        catch (DrawInputException e)
        {
            return new RecordVerification(e.Message, "");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or KeyNotFoundException or JcsException)
        {
            return new RecordVerification($"record: malformed ({e.Message})", "");
        }
    }

    static string Check(JsonObject r)
    {
        Expect(Str(r, "algorithm"), DrawHash.Algorithm, "algorithm");
        var drawId = Str(r, "drawId");
        var inputs = Obj(r, "inputs");
        Expect(Str(inputs, "drawId"), drawId, "inputs.drawId");
        Expect(Str(inputs, "algorithm"), DrawHash.Algorithm, "inputs.algorithm");

        var snapshot = Obj(r, "snapshot");
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in SnapshotFiles.All)
        {
            var text = snapshot[file] is null ? null : snapshot[file]!.GetValue<string>();
            texts[file] = text;
            if (text is not null)
                Expect(SnapshotFiles.Hash(text), Str(inputs, SnapshotFiles.HashField(file)), $"inputs.{SnapshotFiles.HashField(file)} (hash of {file})");
        }
        if (texts[SnapshotFiles.Population] is null) throw Fail($"snapshot.{SnapshotFiles.Population}: missing (the frame must be published)");
        var inputsHash = DrawHash.Sha256Hex(Jcs.SerializeToUtf8Bytes(inputs));
        Expect(inputsHash, Str(r, "inputsHash"), "inputsHash");

        var seed = CheckSeed(r, drawId, inputsHash);
        var definition = Definition(inputs, drawId, texts);
        var selection = Selector.Select(seed, definition.Frame, definition.Selection);
        Compare(RecordJson.Selected(selection), Arr(r, "selected"), "selected");
        Compare(RecordJson.Strata(selection), Arr(r, "strata"), "strata");
        CheckSubstitutions(r, definition, seed, selection);
        var teams = CheckAssignment(r, definition, seed, selection, texts);
        CheckLog(r, drawId);
        return $"OK drawId={drawId} selected={selection.Selected.Count} teams={teams}";
    }

    static string CheckSeed(JsonObject r, string drawId, string inputsHash)
    {
        var commitments = Arr(r, "commitments");
        var secrets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in Arr(r, "secrets").Select((n, i) => (Obj(n!, $"secrets[{i}]"), i)))
            secrets[Str(s.Item1, "party")] = Str(s.Item1, "secret");
        var randomness = Str(r, "publicRandomness");
        DateTimeOffset? randomnessAt = r["publicRandomnessAt"] is null ? null : Time(Str(r, "publicRandomnessAt"), "publicRandomnessAt");
        if (commitments.Count == 0) throw Fail("commitments: none published");
        for (var i = 0; i < commitments.Count; i++)
        {
            var c = Obj(commitments[i]!, $"commitments[{i}]");
            var party = Str(c, "party");
            if (!secrets.TryGetValue(party, out var secret)) throw Fail($"secrets: party {party} committed but revealed no secret");
            if (DrawHash.Commitment(drawId, party, secret) != Str(c, "commitment"))
                throw Fail($"commitment of party {party} does not match revealed secret");
            var at = Time(Str(c, "publishedAt"), $"commitments[{i}].publishedAt");
            if (randomnessAt is { } t1 && at >= t1)
                throw Fail($"commitments[{i}].publishedAt: published at or after the public randomness (draw-spec §6.8)");
        }
        var committed = commitments.Select((c, i) => Str(Obj(c!, $"commitments[{i}]"), "party")).ToHashSet(StringComparer.Ordinal);
        foreach (var party in secrets.Keys)
            if (!committed.Contains(party)) throw Fail($"secrets: party {party} revealed a secret without a commitment");
        var seed = DrawHash.Seed(drawId, inputsHash, secrets, randomness);
        Expect(seed, Str(r, "seed"), "seed");
        var (trust, _) = DrawRecordRules.Trust(randomness, commitments.Count);
        Expect(trust, Str(r, "trust"), "trust");
        return seed;
    }

    static DrawDefinition Definition(JsonObject inputs, string drawId, Dictionary<string, string?> texts)
    {
        var p = Obj(inputs, "params");
        var mode = Str(p, "mode") switch
        {
            "SRS" => SelectionMode.Srs,
            "STRATIFIED" => SelectionMode.Stratified,
            "WEIGHTED" => SelectionMode.Weighted,
            var m => throw Fail($"inputs.params.mode: unknown mode {m}"),
        };
        var selection = new SelectionParams(mode,
            p["k"] is null ? null : p["k"]!.GetValue<long>(),
            p["ratioPpm"] is JsonObject ratio ? ratio.ToDictionary(x => x.Key, x => x.Value!.GetValue<long>(), StringComparer.Ordinal) : null,
            p["kByStratum"] is JsonObject ks ? ks.ToDictionary(x => x.Key, x => x.Value!.GetValue<long>(), StringComparer.Ordinal) : null);
        var frame = Rows(texts[SnapshotFiles.Population]!, SnapshotFiles.Population, 3)
            .Select(f => new PopulationEntry(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture))).ToList();
        var inspectors = texts[SnapshotFiles.Inspectors] is { } ins
            ? Rows(ins, SnapshotFiles.Inspectors, 6).Select(f => new Inspector(f[0], f[1], f[2] == "1",
                StrictDate(f[3]), int.Parse(f[4], CultureInfo.InvariantCulture), int.Parse(f[5], CultureInfo.InvariantCulture))).ToList()
            : [];
        var conflicts = texts[SnapshotFiles.Conflicts] is { } con
            ? Rows(con, SnapshotFiles.Conflicts, 2).Select(f => (f[0], f[1])).ToList()
            : [];
        var previous = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (texts[SnapshotFiles.PreviousTeams] is { } prev)
            foreach (var g in Rows(prev, SnapshotFiles.PreviousTeams, 2).GroupBy(f => f[0], StringComparer.Ordinal))
                previous[g.Key] = g.Select(f => f[1]).ToList();
        return new DrawDefinition(drawId, StrictDate(Str(inputs, "asOf")), StrictDate(Str(inputs, "planEndDate")), selection,
            (int)p["windowDays"]!.GetValue<long>(), (int)p["teamSize"]!.GetValue<long>(),
            Arr(p, "departments").Select(d => d!.GetValue<string>()).ToList(), new Dictionary<string, long>(),
            frame, [], inspectors, conflicts, previous);
    }

    static List<string[]> Rows(string text, string file, int columns) =>
        SnapshotFiles.Check(text, columns, out var rows) is { } problem ? throw Fail($"snapshot.{file}: {problem}") : rows;

    static void CheckSubstitutions(JsonObject r, DrawDefinition d, string seed, SelectionResult selection)
    {
        var used = selection.Selected.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var subs = Arr(r, "substitutions");
        for (var i = 0; i < subs.Count; i++)
        {
            var s = Obj(subs[i]!, $"substitutions[{i}]");
            var replaced = selection.Selected.FirstOrDefault(x => x.Id == Str(s, "replaced"))
                           ?? throw Fail($"substitutions[{i}].replaced: {Str(s, "replaced")} was not selected");
            var next = Ranking.FirstUnused(seed, DrawRecordBuilder.StratumFrame(d, replaced.Stratum), used)
                       ?? throw Fail($"substitutions[{i}]: the stratum has no unused rank left");
            Expect(next.Id, Str(s, "substitute"), $"substitutions[{i}].substitute");
            Expect(next.Key.ToHex(), Str(s, "ticket"), $"substitutions[{i}].ticket");
            used.Add(next.Id);
        }
    }

    static int CheckAssignment(JsonObject r, DrawDefinition d, string seed, SelectionResult selection, Dictionary<string, string?> texts)
    {
        var teams = Arr(r, "teams");
        var complete = texts[SnapshotFiles.Inspectors] is not null && texts[SnapshotFiles.Conflicts] is not null
                       && texts[SnapshotFiles.PreviousTeams] is not null;
        if (complete)
        {
            var result = Assigner.Assign(DrawRecordBuilder.AssignmentInputFor(d, seed, selection));
            Compare(RecordJson.Teams(result), teams, "teams");
            Compare(RecordJson.Infeasible(result), Arr(r, "infeasible"), "infeasible");
            Expect(result.IsPartial ? "PARTIAL" : "COMPLETE", Str(r, "status"), "status");
            return teams.Count;
        }
        var selected = selection.Selected.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < teams.Count; i++)
        {
            var t = Obj(teams[i]!, $"teams[{i}]");
            var target = Str(t, "target");
            if (!selected.Contains(target)) throw Fail($"teams[{i}].target: {target} was not selected");
            var members = Arr(t, "team");
            var tickets = Arr(t, "tickets");
            if (members.Count != tickets.Count) throw Fail($"teams[{i}].tickets: {tickets.Count} tickets for {members.Count} members");
            string? previous = null;
            for (var j = 0; j < members.Count; j++)
            {
                var ticket = DrawHash.TicketHex(seed, 'A', target, members[j]!.GetValue<string>());
                Expect(ticket, tickets[j]!.GetValue<string>(), $"teams[{i}].tickets[{j}]");
                if (previous is not null && string.CompareOrdinal(previous, ticket) > 0)
                    throw Fail($"teams[{i}].team: members are not in ascending ticket order");
                previous = ticket;
            }
        }
        return teams.Count;
    }

    static void CheckLog(JsonObject r, string drawId)
    {
        var log = Arr(r, "log");
        string? previousHash = null;
        long previousSeq = 0;
        for (var i = 0; i < log.Count; i++)
        {
            var o = Obj(log[i]!, $"log[{i}]");
            var entry = new LogEntry(o["seq"]!.GetValue<long>(), Str(o, "ts"), Str(o, "type"),
                o["drawId"] is null ? null : Str(o, "drawId"), Str(o, "actor"), Obj(o, "payload"), Str(o, "prev"), Str(o, "hash"));
            Expect(LogChain.ComputeHash(entry), entry.Hash, $"log[{i}].hash (seq {entry.Seq})");
            if (entry.DrawId != drawId) throw Fail($"log[{i}].drawId: expected {drawId}, got {entry.DrawId ?? "null"}");
            if (previousHash is not null && entry.Seq <= previousSeq) throw Fail($"log[{i}].seq: {entry.Seq} does not follow {previousSeq}");
            if (previousHash is not null && entry.Seq == previousSeq + 1)
                Expect(previousHash, entry.Prev, $"log[{i}].prev (seq {entry.Seq})");
            previousHash = entry.Hash;
            previousSeq = entry.Seq;
        }
    }

    /// <summary>First difference between the recomputed and the published JSON, as "path: expected X, got Y".</summary>
    static void Compare(JsonNode? expected, JsonNode? got, string path)
    {
        switch (expected)
        {
            case JsonArray e when got is JsonArray g:
                for (var i = 0; i < Math.Min(e.Count, g.Count); i++) Compare(e[i], g[i], $"{path}[{i}]");
                if (e.Count != g.Count) throw Fail($"{path}: expected {e.Count} entries, got {g.Count}");
                return;
            case JsonObject e when got is JsonObject g:
                foreach (var (key, value) in e) Compare(value, g[key], $"{path}.{key}");
                foreach (var (key, _) in g)
                    if (!e.ContainsKey(key)) throw Fail($"{path}.{key}: not expected");
                return;
            default:
                var want = expected is null ? "null" : Jcs.Serialize(expected);
                var have = got is null ? "null" : Jcs.Serialize(got);
                if (want != have) throw Fail($"{path}: expected {Unquote(want)}, got {Unquote(have)}");
                return;
        }
    }

    static string Unquote(string json) => json.Length > 1 && json[0] == '"' ? json[1..^1] : json;

    static void Expect(string expected, string got, string field)
    {
        if (expected != got) throw Fail($"{field}: expected {expected}, got {got}");
    }

    static DrawInputException Fail(string message) => new(message);

    static string Str(JsonNode o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Fail($"{name}: missing or not a string");

    static JsonObject Obj(JsonNode o, string name) =>
        o is JsonObject self && name.Contains('[') ? self : o[name] as JsonObject ?? throw Fail($"{name}: missing or not an object");

    static JsonArray Arr(JsonNode o, string name) => o[name] as JsonArray ?? throw Fail($"{name}: missing or not an array");

    static DateOnly StrictDate(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    static DateTimeOffset Time(string s, string field) =>
        DateTimeOffset.TryParseExact(s, LogChain.TimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t : throw Fail($"{field}: \"{s}\" is not yyyy-MM-ddTHH:mm:ss.fffZ");
}
