using System.Globalization;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Selection;
using static SpotCheck.Draw.Record.RecordFields;

namespace SpotCheck.Draw.Record;

/// <summary>The frozen inputs of a published record read back: parameters from <c>inputs</c>, rows from the snapshot files.</summary>
internal static class RecordSnapshot
{
    public const string IneligiblePrefix = "INELIGIBLE:";

    public static DrawDefinition Definition(JsonObject inputs, string drawId, IReadOnlyDictionary<string, string?> texts)
    {
        var p = Obj(inputs, "params", "inputs.params");
        var mode = Str(p, "mode", "inputs.params.mode") switch
        {
            "SRS" => SelectionMode.Srs,
            "STRATIFIED" => SelectionMode.Stratified,
            "WEIGHTED" => SelectionMode.Weighted,
            var m => throw Fail($"inputs.params.mode: unknown mode {DrawIds.Printable(m)}"),
        };
        var k = p["k"] is null ? (long?)null : Int(p, "k", "inputs.params.k");
        var selection = new SelectionParams(mode, k, IntegerMap(p, "ratioPpm"), IntegerMap(p, "kByStratum"));
        var windowDays = Count(p, "windowDays", "inputs.params.windowDays");
        var teamSize = Count(p, "teamSize", "inputs.params.teamSize");
        var departments = Arr(p, "departments", "inputs.params.departments")
            .Select((d, i) => Str(d, $"inputs.params.departments[{i}]")).ToList();
        var asOf = Date(Str(inputs, "asOf", "inputs.asOf"), "inputs.asOf");
        var planEnd = Date(Str(inputs, "planEndDate", "inputs.planEndDate"), "inputs.planEndDate");

        var frame = Rows(texts[SnapshotFiles.Population]!, SnapshotFiles.Population, 3,
            (f, line) => new PopulationEntry(f[0], f[1], Number(f[2], SnapshotFiles.Population, line, "weight")));
        var excluded = texts[SnapshotFiles.Excluded] is { } ex
            ? Rows(ex, SnapshotFiles.Excluded, 3, (f, _) => new ExcludedEntry(f[0], f[1], f[2]))
            : [];
        var inspectors = texts[SnapshotFiles.Inspectors] is { } ins
            ? Rows(ins, SnapshotFiles.Inspectors, 6, (f, line) => new Inspector(f[0], f[1], Active(f[2], line),
                FileDate(f[3], SnapshotFiles.Inspectors, line, "certValidTo"),
                Number(f[4], SnapshotFiles.Inspectors, line, "load"), Number(f[5], SnapshotFiles.Inspectors, line, "cap")))
            : [];
        var conflicts = texts[SnapshotFiles.Conflicts] is { } con
            ? Rows(con, SnapshotFiles.Conflicts, 2, (f, _) => (f[0], f[1]))
            : [];
        var previous = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (texts[SnapshotFiles.PreviousTeams] is { } prev)
            foreach (var g in Rows(prev, SnapshotFiles.PreviousTeams, 2, (f, _) => f).GroupBy(f => f[0], StringComparer.Ordinal))
                previous[g.Key] = g.Select(f => f[1]).ToList();
        return new DrawDefinition(drawId, asOf, planEnd, selection, windowDays, teamSize, departments, new Dictionary<string, long>(),
            frame, excluded, inspectors, conflicts, previous);
    }

    /// <summary>
    /// draw-spec §4.1: every excluded id is a valid id outside the frame, either ineligible (a reason code, date "-") or
    /// selected under the same item less than windowDays before asOf by a named earlier draw.
    /// </summary>
    public static void CheckExclusions(DrawDefinition d, bool published)
    {
        if (!published || d.Excluded.Count == 0) return;
        var frame = d.Frame.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var line = 0;
        foreach (var e in d.Excluded)
        {
            var at = $"snapshot.{SnapshotFiles.Excluded}: line {++line}";
            if (!DrawIds.IsValidId(e.Id)) throw Fail($"{at}: {DrawIds.DescribeBadId(e.Id)}");
            if (e.LastSelectedDate == "-")
            {
                if (!e.LastDrawId.StartsWith(IneligiblePrefix, StringComparison.Ordinal) || e.LastDrawId.Length == IneligiblePrefix.Length)
                    throw Fail($"{at}: \"{DrawIds.Printable(e.LastDrawId)}\" must be {IneligiblePrefix}<reason> when the date is -");
            }
            else
            {
                if (!DrawIds.IsValidId(e.LastDrawId)) throw Fail($"{at}: lastDrawId {DrawIds.DescribeBadId(e.LastDrawId)}");
                var last = FileDate(e.LastSelectedDate, SnapshotFiles.Excluded, line, "lastSelectedDate");
                var days = d.AsOf.DayNumber - last.DayNumber;
                if (days < 0) throw Fail($"{at}: {e.Id} was selected on {e.LastSelectedDate}, after asOf {SnapshotFiles.Date(d.AsOf)}");
                if (days >= d.WindowDays)
                    throw Fail($"{at}: {e.Id} was selected {days} days before asOf, outside the {d.WindowDays}-day window");
            }
            if (frame.Contains(e.Id)) throw Fail($"{at}: {e.Id} is also in {SnapshotFiles.Population}");
        }
    }

    static Dictionary<string, long>? IntegerMap(JsonObject p, string key)
    {
        if (p[key] is null) return null;
        var map = Obj(p, key, $"inputs.params.{key}");
        return map.Select(x => x.Key).Order(StringComparer.Ordinal)
            .ToDictionary(x => x, x => Int(map, x, $"inputs.params.{key}.{x}"), StringComparer.Ordinal);
    }

    static List<T> Rows<T>(string text, string file, int columns, Func<string[], int, T> row)
    {
        var rows = new List<T>();
        if (SnapshotFiles.ForEachRow(text, columns, (f, line) => rows.Add(row(f, line))) is { } problem)
            throw Fail($"snapshot.{file}: {problem}");
        return rows;
    }

    /// <summary>A count written as draw-spec §2.1 says: decimal, no sign, no leading zeros.</summary>
    static int Number(string text, string file, int line, string column) =>
        text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0')
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : throw Fail($"snapshot.{file}: line {line}, {column} \"{DrawIds.Printable(text)}\" is not a decimal integer");

    static bool Active(string text, int line) => text switch
    {
        "1" => true,
        "0" => false,
        _ => throw Fail($"snapshot.{SnapshotFiles.Inspectors}: line {line}, active \"{DrawIds.Printable(text)}\" is not 1 or 0"),
    };

    static DateOnly FileDate(string text, string file, int line, string column) =>
        IsDate(text, out var d) ? d : throw Fail($"snapshot.{file}: line {line}, {column} \"{DrawIds.Printable(text)}\" is not a date (yyyy-MM-dd)");
}
