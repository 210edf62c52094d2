using System.Globalization;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Record;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Core.Draws;

/// <summary>Rebuilds the frozen <see cref="DrawDefinition"/> from the stored manifest and snapshot texts.</summary>
public static class StoredDefinition
{
    public static DrawDefinition Of(DrawSession d)
    {
        var manifest = JsonNode.Parse(d.ManifestJson)!.AsObject();
        var p = manifest["params"]!.AsObject();
        var selection = new SelectionParams(SelectionMode.Stratified,
            RatioPpm: p["ratioPpm"]!.AsObject().ToDictionary(x => x.Key, x => x.Value!.GetValue<long>(), StringComparer.Ordinal));
        // A run needs neither list (it selects straight over population.tsv): a million rows are parsed only when read.
        var population = d.PopulationTsv;
        var excludedTsv = d.ExcludedTsv;
        var frame = new ParsedOnRead<PopulationEntry>(() => Rows(population, 3).Select(f => new PopulationEntry(f[0], f[1], Int(f[2]))).ToList());
        var excluded = new ParsedOnRead<ExcludedEntry>(() => Rows(excludedTsv, 3).Select(f => new ExcludedEntry(f[0], f[1], f[2])).ToList());
        var inspectors = Rows(d.InspectorsTsv, 6).Select(f => new Inspector(f[0], f[1], f[2] == "1",
            DateOnly.ParseExact(f[3], "yyyy-MM-dd", CultureInfo.InvariantCulture), Int(f[4]), Int(f[5]))).ToList();
        var conflicts = Rows(d.ConflictsTsv, 2).Select(f => (f[0], f[1])).ToList();
        var previous = PreviousTeams(d.PreviousTeamsTsv);
        var weights = p["weightPolicy"]!.AsObject().ToDictionary(x => x.Key, x => x.Value!.GetValue<long>(), StringComparer.Ordinal);
        return new DrawDefinition(d.DrawId,
            DateOnly.ParseExact(manifest["asOf"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(manifest["planEndDate"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            selection, p["windowDays"]!.GetValue<int>(), p["teamSize"]!.GetValue<int>(),
            p["departments"]!.AsArray().Select(x => x!.GetValue<string>()).ToList(), weights,
            frame, excluded, inspectors, conflicts, previous);
    }

    /// <summary>The stored snapshot files by name, exactly as frozen and hashed.</summary>
    public static Dictionary<string, string> Texts(DrawSession d) => new(StringComparer.Ordinal)
    {
        [SnapshotFiles.Population] = d.PopulationTsv, [SnapshotFiles.Excluded] = d.ExcludedTsv, [SnapshotFiles.Inspectors] = d.InspectorsTsv,
        [SnapshotFiles.Conflicts] = d.ConflictsTsv, [SnapshotFiles.PreviousTeams] = d.PreviousTeamsTsv,
    };

    /// <summary>previous_teams.tsv checked and indexed, each target's team read only when looked up.</summary>
    public static PreviousTeamsText PreviousTeams(string text) =>
        PreviousTeamsText.TryParse(text, out var teams) is { } problem
            ? throw new InvalidOperationException($"stored snapshot is damaged: {problem}")
            : teams;

    static List<string[]> Rows(string text, int columns) =>
        SnapshotFiles.Check(text, columns, out var rows) is { } problem
            ? throw new InvalidOperationException($"stored snapshot is damaged: {problem}")
            : rows;

    static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>A stored list parsed from its snapshot text the first time it is read.</summary>
    sealed class ParsedOnRead<T>(Func<List<T>> parse) : IReadOnlyList<T>
    {
        readonly Lazy<List<T>> _rows = new(parse);
        public T this[int index] => _rows.Value[index];
        public int Count => _rows.Value.Count;
        public IEnumerator<T> GetEnumerator() => _rows.Value.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
