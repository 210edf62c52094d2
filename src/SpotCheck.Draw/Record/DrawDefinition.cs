using System.Text.Json.Nodes;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Record;

/// <summary>Everything frozen at T0 (draw-spec §6.1–6.2): parameters and the snapshot data.</summary>
public sealed record DrawDefinition(
    string DrawId,
    DateOnly AsOf,
    DateOnly PlanEndDate,
    SelectionParams Selection,
    int WindowDays,
    int TeamSize,
    IReadOnlyList<string> Departments,
    IReadOnlyDictionary<string, long> WeightPolicy,
    IReadOnlyList<PopulationEntry> Frame,
    IReadOnlyList<ExcludedEntry> Excluded,
    IReadOnlyList<Inspector> Inspectors,
    IReadOnlyList<(string InspectorId, string TargetId)> Conflicts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PreviousTeams)
{
    public Dictionary<string, string> SnapshotTexts() => new(StringComparer.Ordinal)
    {
        [SnapshotFiles.Population] = SnapshotFiles.PopulationTsv(Frame),
        [SnapshotFiles.Excluded] = SnapshotFiles.ExcludedTsv(Excluded),
        [SnapshotFiles.Inspectors] = SnapshotFiles.InspectorsTsv(Inspectors),
        [SnapshotFiles.Conflicts] = SnapshotFiles.ConflictsTsv(Conflicts),
        [SnapshotFiles.PreviousTeams] = SnapshotFiles.PreviousTeamsTsv(PreviousTeams),
    };

    /// <summary>The inputs manifest of draw-spec §6.2 (hashed with JCS to give inputsHash).</summary>
    public JsonObject Manifest(IReadOnlyDictionary<string, string> snapshotTexts)
    {
        var p = new JsonObject { ["mode"] = StratumQuotas.ModeName(Selection.Mode) };
        if (Selection.K is { } k) p["k"] = k;
        if (Selection.RatioPpm is { } ratio) p["ratioPpm"] = IntegerMap(ratio);
        if (Selection.KByStratum is { } ks) p["kByStratum"] = IntegerMap(ks);
        p["windowDays"] = WindowDays;
        p["teamSize"] = TeamSize;
        p["departments"] = new JsonArray(Departments.Order(StringComparer.Ordinal).Select(d => (JsonNode)d).ToArray());
        p["weightPolicy"] = IntegerMap(WeightPolicy);
        var manifest = new JsonObject
        {
            ["algorithm"] = DrawHash.Algorithm,
            ["drawId"] = DrawId,
            ["asOf"] = SnapshotFiles.Date(AsOf),
            ["planEndDate"] = SnapshotFiles.Date(PlanEndDate),
            ["params"] = p,
        };
        // Each file on its own core: population.tsv and previous_teams.tsv are tens of megabytes each at province scale.
        var hashes = new string[SnapshotFiles.All.Length];
        Parallel.For(0, hashes.Length, i => hashes[i] = SnapshotFiles.Hash(snapshotTexts[SnapshotFiles.All[i]]));
        for (var i = 0; i < hashes.Length; i++) manifest[SnapshotFiles.HashField(SnapshotFiles.All[i])] = hashes[i];
        return manifest;
    }

    static JsonObject IntegerMap(IReadOnlyDictionary<string, long> map)
    {
        var o = new JsonObject();
        foreach (var (key, value) in map.OrderBy(x => x.Key, StringComparer.Ordinal)) o[key] = value;
        return o;
    }
}
