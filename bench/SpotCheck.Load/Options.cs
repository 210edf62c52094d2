using System.Globalization;

namespace SpotCheck.Load;

/// <summary>--name value pairs; a name given twice keeps every value (--upstream).</summary>
sealed class Options
{
    readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"expected --name, got {args[i]}");
            if (!o._values.TryGetValue(args[i][2..], out var list)) o._values[args[i][2..]] = list = [];
            list.Add(args[i + 1]);
        }
        return o;
    }

    public string Get(string name) => _values.TryGetValue(name, out var v) ? v[^1] : throw new ArgumentException($"--{name} is required");
    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var v) ? v : [];
    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v[^1], CultureInfo.InvariantCulture) : fallback;
}
