using System.Globalization;

namespace SpotCheck.Core.Draws;

/// <summary>
/// Rows per stratum of a population.tsv (id TAB stratum TAB weight, one per line), and their stored form on the draw:
/// "A=120;B=30", strata in ordinal order.
/// </summary>
public static class FrameStrataText
{
    /// <summary>Rows per stratum, and per stratum the rows whose id is not in <paramref name="inside"/> (none counted without it).</summary>
    public static (Dictionary<string, int> Sizes, Dictionary<string, int> Outside) Count(string tsv, HashSet<string>? inside)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var outside = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySpan = sizes.GetAlternateLookup<ReadOnlySpan<char>>();
        var outsideBySpan = outside.GetAlternateLookup<ReadOnlySpan<char>>();
        var insideBySpan = inside?.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var line in tsv.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty) continue;
            var tab = line.IndexOf('\t');
            var rest = line[(tab + 1)..];
            var stratum = rest[..rest.IndexOf('\t')];
            bySpan[stratum] = bySpan.TryGetValue(stratum, out var n) ? n + 1 : 1;
            if (insideBySpan is { } lookup && !lookup.Contains(line[..tab]))
                outsideBySpan[stratum] = outsideBySpan.TryGetValue(stratum, out var o) ? o + 1 : 1;
        }
        return (sizes, outside);
    }

    public static string Format(IReadOnlyDictionary<string, int> sizes) =>
        string.Join(';', sizes.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "=" + s.Value.ToString(CultureInfo.InvariantCulture)));

    public static Dictionary<string, int> Parse(string text) =>
        text.Length == 0 ? new(StringComparer.Ordinal)
            : text.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
