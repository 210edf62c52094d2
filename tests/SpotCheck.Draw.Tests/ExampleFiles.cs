namespace SpotCheck.Draw.Tests;

/// <summary>The conformance cases copied from the product documents' draw-examples folder.</summary>
public static class ExampleFiles
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "Examples");

    public static string PathOf(string name) => Path.Combine(Dir, name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static IEnumerable<string> Names(string suffix) =>
        Directory.GetFiles(Dir, "*" + suffix).Select(Path.GetFileName).Select(n => n![..^suffix.Length]).Order(StringComparer.Ordinal);

    public static TheoryData<string> Cases(string suffix, string? prefixFilter = null)
    {
        var data = new TheoryData<string>();
        foreach (var n in Names(suffix))
            if (prefixFilter is null || n[3..].StartsWith(prefixFilter, StringComparison.Ordinal)) data.Add(n);
        return data;
    }
}
