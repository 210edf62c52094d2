using System.Reflection;
using System.Text.Json.Nodes;

namespace SpotCheck.Core.Enterprises;

/// <summary>
/// Names of GB/T 2260 administrative divisions from the shipped table (regions.json, the "spotcheck-regions" layout:
/// 驻马店市 and its counties, with the pre-2000 4128xx codes as historical). A code the table lacks keeps no name.
/// </summary>
public static class RegionCodes
{
    static readonly Lazy<IReadOnlyDictionary<string, string>> Names = new(Load);

    /// <summary>The name of a 6-digit code, or of a prefix (41 → 410000, 4117 → 411700); null when unknown.</summary>
    public static string? NameOf(string codeOrPrefix) =>
        Names.Value.GetValueOrDefault(codeOrPrefix.Length < 6 ? codeOrPrefix.PadRight(6, '0') : codeOrPrefix);

    /// <summary>"411721 西平县"; a prefix shows as its 6-digit division code (4117 → "411700 驻马店市").</summary>
    public static string Label(string prefix)
    {
        var code = prefix.PadRight(6, '0');
        return NameOf(prefix) is { } name ? $"{code} {name}" : code;
    }

    /// <summary>A province (2 digits), prefecture (4) or county (6) prefix: the only prefixes a filter takes.</summary>
    public static bool IsPrefix(string? s) => s is { Length: 2 or 4 or 6 } && s.All(char.IsAsciiDigit);

    /// <summary>The province, prefecture and county prefixes of each code, in code order (a code that is not 6 digits is left out).</summary>
    public static IReadOnlyList<string> PrefixesOf(IEnumerable<string> codes) =>
        [.. codes.Where(c => c.Length == 6 && IsPrefix(c)).SelectMany(c => new[] { c[..2], c[..4], c }).Distinct(StringComparer.Ordinal)
            .OrderBy(p => p.PadRight(6, '0'), StringComparer.Ordinal).ThenBy(p => p.Length)];

    static IReadOnlyDictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SpotCheck.Core.Enterprises.regions.json")
            ?? throw new InvalidOperationException("embedded regions.json missing");
        var root = JsonNode.Parse(stream)!;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(JsonNode? n, string suffix = "")
        {
            if (n?["code"]?.GetValue<string>() is { } code && n["name"]?.GetValue<string>() is { } name) names.TryAdd(code, name + suffix);
        }
        Add(root["province"]);
        Add(root["prefecture"]);
        foreach (var d in root["divisions"]!.AsArray()) Add(d);
        foreach (var d in root["nonAdministrativeCodes"]!.AsArray()) Add(d);
        foreach (var d in root["historicalCodes"]!.AsArray()) Add(d, "（2000年前代码）");
        return names;
    }
}
