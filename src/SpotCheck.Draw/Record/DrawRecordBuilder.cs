using System.Text.Json.Nodes;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Audit;
using SpotCheck.Draw.Json;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Record;

/// <summary>
/// Assembles the published draw record (docs/draw-record.md) from the library calls, in ceremony order: freeze →
/// commit → declare → public randomness → reveal → seed → select → assign → substitutions → log entries.
/// </summary>
public sealed partial class DrawRecordBuilder
{
    public const string Format = "spotcheck-draw-record/1";
    readonly DrawDefinition _definition;
    readonly Dictionary<string, string> _snapshot;
    readonly List<(string Party, string Commitment, DateTimeOffset At)> _commitments = [];
    readonly SortedDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    readonly List<JsonObject> _substitutions = [];
    readonly List<LogEntry> _log = [];
    string? _declaredSource;
    string _publicRandomness = "";
    DateTimeOffset? _publicRandomnessAt;
    SelectionResult? _selection;
    AssignmentResult? _assignment;

    public DrawRecordBuilder(DrawDefinition definition) : this(definition, definition.SnapshotTexts()) { }

    /// <summary>
    /// For a definition read back from its stored snapshot files: <paramref name="snapshotTexts"/> are those files, already
    /// canonical (they were written by <see cref="DrawDefinition.SnapshotTexts"/>), so they are hashed as they are instead
    /// of being serialised and sorted again.
    /// </summary>
    public DrawRecordBuilder(DrawDefinition definition, IReadOnlyDictionary<string, string> snapshotTexts)
    {
        _definition = definition;
        _snapshot = new Dictionary<string, string>(snapshotTexts, StringComparer.Ordinal);
        Manifest = definition.Manifest(_snapshot);
        InputsHash = DrawHash.Sha256Hex(Jcs.SerializeToUtf8Bytes(Manifest));
    }

    public JsonObject Manifest { get; }
    public string InputsHash { get; }
    public string? Seed { get; private set; }
    public SelectionResult Selection => _selection ?? throw new InvalidOperationException("select first");

    public DrawRecordBuilder Commit(string party, string commitment, DateTimeOffset publishedAt)
    {
        _commitments.Add((party, commitment, publishedAt));
        return this;
    }

    /// <summary>The public-randomness source named before its value exists (draw-spec §6.3).</summary>
    public DrawRecordBuilder DeclareRandomness(string source)
    {
        _declaredSource = source;
        return this;
    }

    public DrawRecordBuilder PublicRandomness(string value, DateTimeOffset enteredAt)
    {
        DrawRecordRules.RequirePublicRandomness(value, "publicRandomness");
        _publicRandomness = value;
        _publicRandomnessAt = enteredAt;
        return this;
    }

    /// <summary>Refuses a secret that does not open the party's commitment (draw-spec §6.5).</summary>
    public DrawRecordBuilder Reveal(string party, string secret)
    {
        var c = _commitments.FirstOrDefault(x => x.Party == party);
        if (c.Party is null) throw new DrawInputException($"secret of {party}: no commitment from this party");
        if (DrawHash.Commitment(_definition.DrawId, party, secret) != c.Commitment)
            throw new DrawInputException($"commitment of party {party} does not match revealed secret");
        _secrets[party] = secret;
        return this;
    }

    public string ComputeSeed()
    {
        var missing = _commitments.Select(c => c.Party).Where(p => !_secrets.ContainsKey(p)).ToList();
        if (missing.Count > 0) throw new DrawInputException($"secrets: party {missing[0]} has not revealed");
        return Seed = DrawHash.Seed(_definition.DrawId, InputsHash, _secrets, _publicRandomness);
    }

    /// <summary>
    /// The frozen population.tsv is already the selector's input format, so the selection runs straight over its bytes
    /// on every core (<see cref="TsvSelector"/>: the same result as <see cref="Selector"/> over the frame, property-tested).
    /// </summary>
    public SelectionResult Select() =>
        _selection = TsvSelector.Select(Seed ?? ComputeSeed(), System.Text.Encoding.UTF8.GetBytes(_snapshot[SnapshotFiles.Population]),
            _definition.Selection with { Exclusion = null });

    public AssignmentResult Assign() => _assignment = Assigner.Assign(AssignmentInputFor(_definition, Seed!, Selection));

    internal static AssignmentInput AssignmentInputFor(DrawDefinition d, string seed, SelectionResult selection) => new(
        seed, selection.Selected.Select(r => r.Id).ToList(), d.Departments, d.TeamSize, d.PlanEndDate,
        d.Inspectors, d.Conflicts, d.PreviousTeams);

    /// <summary>draw-spec §4.2: the substitute is the lowest rank of the stratum not yet used; never a new draw.</summary>
    public RankedId? Substitute(string replacedId, string reason)
    {
        var replaced = Selection.Selected.FirstOrDefault(r => r.Id == replacedId)
                       ?? throw new DrawInputException($"substitution: {replacedId} was not selected");
        var used = Selection.Selected.Select(r => r.Id)
            .Concat(_substitutions.Select(s => s["substitute"]!.GetValue<string>())).ToHashSet(StringComparer.Ordinal);
        var next = Ranking.FirstUnused(Seed!, StratumFrame(_definition, replaced.Stratum), used);
        if (next is null) return null;
        _substitutions.Add(new JsonObject
        {
            ["replaced"] = replacedId, ["substitute"] = next.Id, ["stratum"] = replaced.Stratum,
            ["stratumRank"] = next.Rank, ["ticket"] = next.Key.ToHex(), ["reason"] = reason,
        });
        return next;
    }

    internal static IEnumerable<PopulationEntry> StratumFrame(DrawDefinition d, string stratum) =>
        d.Selection.Mode == SelectionMode.Stratified ? d.Frame.Where(e => e.Stratum == stratum) : d.Frame;

    public DrawRecordBuilder Log(IEnumerable<LogEntry> entries)
    {
        _log.AddRange(entries);
        return this;
    }

    /// <summary>
    /// The record as a JSON object. Files named in <paramref name="privateFiles"/> (typically conflicts.tsv and
    /// previous_teams.tsv, draw-spec §5.6) are published as their hash only.
    /// </summary>
    public JsonObject Build(string softwareVersion, IReadOnlySet<string> privateFiles)
    {
        var snapshot = new JsonObject();
        foreach (var file in SnapshotFiles.All) snapshot[file] = privateFiles.Contains(file) ? null : _snapshot[file];
        var (trustCode, trustLabel) = DrawRecordRules.Trust(_publicRandomness, _commitments.Count);
        var record = new JsonObject
        {
            ["format"] = Format,
            ["algorithm"] = DrawHash.Algorithm,
            ["software"] = softwareVersion,
            ["drawId"] = _definition.DrawId,
            ["status"] = _assignment?.IsPartial == true ? "PARTIAL" : "COMPLETE",
            ["inputs"] = Manifest.DeepClone(),
            ["inputsHash"] = InputsHash,
            ["snapshot"] = snapshot,
            ["commitments"] = new JsonArray(_commitments.Select(c => (JsonNode)new JsonObject
            {
                ["party"] = c.Party, ["commitment"] = c.Commitment, ["publishedAt"] = LogChain.FormatTimestamp(c.At),
            }).ToArray()),
            ["randomnessSource"] = _declaredSource,
            ["publicRandomness"] = _publicRandomness,
            ["publicRandomnessAt"] = _publicRandomnessAt is { } at ? LogChain.FormatTimestamp(at) : null,
            ["secrets"] = new JsonArray(_secrets.Select(s => (JsonNode)new JsonObject { ["party"] = s.Key, ["secret"] = s.Value }).ToArray()),
            ["seed"] = Seed,
            ["trust"] = trustCode,
            ["trustLabel"] = trustLabel,
            ["selected"] = RecordJson.Selected(Selection),
            ["strata"] = RecordJson.Strata(Selection),
            ["teams"] = _assignment is null ? new JsonArray() : RecordJson.Teams(_assignment),
            ["infeasible"] = _assignment is null ? new JsonArray() : RecordJson.Infeasible(_assignment),
            ["substitutions"] = new JsonArray(_substitutions.Select(s => (JsonNode)s.DeepClone()).ToArray()),
            ["log"] = new JsonArray(_log.Select(e => (JsonNode)e.ToJson()).ToArray()),
        };
        return record;
    }
}
