using System.Globalization;
using System.Text;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Record;

/// <summary>An id left out of the frame (draw-spec §4.1): recent selection, or a reason code with date "-".</summary>
public sealed record ExcludedEntry(string Id, string LastDrawId, string LastSelectedDate);

/// <summary>
/// The frozen snapshot files of draw-spec §6.1 as text: UTF-8, TAB-separated, no header, every line LF-terminated,
/// lines sorted ordinally by bytes, so the same data always hashes the same.
/// </summary>
public static class SnapshotFiles
{
    public const string Population = "population.tsv";
    public const string Excluded = "excluded.tsv";
    public const string Inspectors = "inspectors.tsv";
    public const string Conflicts = "conflicts.tsv";
    public const string PreviousTeams = "previous_teams.tsv";
    public static readonly string[] All = [Population, Excluded, Inspectors, Conflicts, PreviousTeams];

    /// <summary>The manifest field holding each file's hash.</summary>
    public static string HashField(string file) => file switch
    {
        Population => "populationHash",
        Excluded => "excludedHash",
        Inspectors => "inspectorsHash",
        Conflicts => "conflictsHash",
        _ => "previousTeamsHash",
    };

    public static string Hash(string text)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        Utf8Chunks.Write(text, bytes => hash.AppendData(bytes));
        return Hex.Lower(hash.GetHashAndReset());
    }

    public static string Lines(IEnumerable<IEnumerable<string>> rows) => SortedLines.Join([.. rows.Select(r => string.Join('\t', r))]);

    public static string PopulationTsv(IEnumerable<PopulationEntry> frame) =>
        frame is PopulationColumns columns ? columns.ToTsv() : SortedLines.Join([.. frame.Select(Line)]);

    internal static string Line(PopulationEntry e) => string.Concat(e.Id, "\t", e.Stratum, "\t", Int(e.Weight));

    public static string ExcludedTsv(IEnumerable<ExcludedEntry> excluded) =>
        SortedLines.Join([.. excluded.Select(e => string.Concat(e.Id, "\t", e.LastDrawId, "\t", e.LastSelectedDate))]);

    public static string InspectorsTsv(IEnumerable<Inspector> inspectors) =>
        Lines(inspectors.Select(o => new[] { o.Id, o.Dept, o.Active ? "1" : "0", Date(o.CertValidTo), Int(o.Load), Int(o.Cap) }));

    public static string ConflictsTsv(IEnumerable<(string InspectorId, string TargetId)> conflicts) =>
        SortedLines.Join([.. conflicts.Select(c => string.Concat(c.InspectorId, "\t", c.TargetId))]);

    public static string PreviousTeamsTsv(IReadOnlyDictionary<string, IReadOnlyList<string>> previousTeams) =>
        previousTeams is PreviousTeamsText text ? text.Text : SortedLines.Join([.. previousTeams.SelectMany(t => t.Value.Select(o => string.Concat(t.Key, "\t", o)))]);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits a snapshot file into rows, checking the format rules (null when well-formed).</summary>
    public static string? Check(string text, int columns, out List<string[]> rows)
    {
        var list = new List<string[]>();
        rows = list;
        return ForEachRow(text, columns, (fields, _) => list.Add(fields));
    }

    /// <summary>
    /// Walks the rows in file order, checking the format rules on the way; <paramref name="row"/> sees each well-formed row
    /// with its 1-based line number before the next line is read. Null when the whole file is well-formed.
    /// </summary>
    public static string? ForEachRow(string text, int columns, Action<string[], int> row)
    {
        if (text.Length > 0 && text[^1] != '\n') return "last line is not terminated by LF";
        string? previous = null;
        var line = 0;
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            var current = text[start..end];
            line++;
            var fields = current.Split('\t');
            if (fields.Length != columns) return $"line {line} has {fields.Length} fields, expected {columns}";
            if (previous is not null && string.CompareOrdinal(previous, current) >= 0) return $"line {line} is out of order or repeated";
            previous = current;
            row(fields, line);
            start = end + 1;
        }
        return null;
    }
}
