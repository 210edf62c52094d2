using System.Text.Json;
using SpotCheck.Draw.Selection;
using static SpotCheck.Draw.Requests.StrictJson;

namespace SpotCheck.Draw.Requests;

/// <summary>The <c>draw select</c> request of SPEC §4; <see cref="Population"/> is null when it comes from a TSV.</summary>
public sealed record SelectRequest(string Seed, SelectionParams Params, IReadOnlyList<PopulationEntry>? Population)
{
    static readonly string[] Fields = ["seed", "mode", "k", "ratioPpm", "kByStratum", "population", "asOf", "windowDays", "lastSelected"];

    public static SelectRequest Parse(ReadOnlyMemory<byte> utf8, bool populationFromTsv)
    {
        using var doc = StrictJson.Parse(utf8, "request");
        var root = doc.RootElement;
        RequireObject(root, "request");
        RejectUnknown(root, "", Fields);

        var seed = String(Require(root, "seed", "seed"), "seed");
        Seeds.Require(seed, "seed");
        var modeText = String(Require(root, "mode", "mode"), "mode");
        var mode = modeText switch
        {
            "SRS" => SelectionMode.Srs,
            "STRATIFIED" => SelectionMode.Stratified,
            "WEIGHTED" => SelectionMode.Weighted,
            _ => throw new DrawInputException($"mode: \"{DrawIds.Printable(modeText)}\" is not SRS, STRATIFIED or WEIGHTED"),
        };
        long? k = TryGet(root, "k", out var kElement) ? Integer(kElement, "k") : null;
        var ratio = TryGet(root, "ratioPpm", out var r) ? IntegerMap(r, "ratioPpm") : null;
        var byStratum = TryGet(root, "kByStratum", out var ks) ? IntegerMap(ks, "kByStratum") : null;
        var p = new SelectionParams(mode, k, ratio, byStratum, Exclusion(root));
        StratumQuotas.ValidateParams(p);

        IReadOnlyList<PopulationEntry>? population = null;
        if (TryGet(root, "population", out var pop))
        {
            if (populationFromTsv) throw new DrawInputException("population: give either the population array or --population FILE.tsv, not both");
            population = ParsePopulation(pop);
        }
        else if (!populationFromTsv)
        {
            throw new DrawInputException("population: missing (give the array or --population FILE.tsv)");
        }
        return new SelectRequest(seed, p, population);
    }

    static Dictionary<string, long> IntegerMap(JsonElement e, string field)
    {
        Object(e, field);
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var prop in e.EnumerateObject())
        {
            if (!DrawIds.IsValidCode(prop.Name)) throw new DrawInputException($"{field}: {DrawIds.DescribeBadCode(prop.Name)}");
            map[prop.Name] = Integer(prop.Value, $"{field}.{prop.Name}");
        }
        return map;
    }

    static ExclusionWindow? Exclusion(JsonElement root)
    {
        var hasAsOf = TryGet(root, "asOf", out var asOf);
        var hasWindow = TryGet(root, "windowDays", out var window);
        var hasLast = TryGet(root, "lastSelected", out var last);
        if (!hasAsOf && !hasWindow && !hasLast) return null;
        if (!hasAsOf) throw new DrawInputException("asOf: missing (asOf, windowDays and lastSelected go together)");
        if (!hasWindow) throw new DrawInputException("windowDays: missing (asOf, windowDays and lastSelected go together)");
        if (!hasLast) throw new DrawInputException("lastSelected: missing (asOf, windowDays and lastSelected go together)");
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var prop in Object(last, "lastSelected").EnumerateObject())
        {
            if (!DrawIds.IsValidId(prop.Name)) throw new DrawInputException($"lastSelected: {DrawIds.DescribeBadId(prop.Name)}");
            dates[prop.Name] = Date(prop.Value, $"lastSelected.{prop.Name}");
        }
        return new ExclusionWindow(Date(asOf, "asOf"), Int32(window, "windowDays"), dates);
    }

    static List<PopulationEntry> ParsePopulation(JsonElement e)
    {
        var list = new List<PopulationEntry>();
        var i = 0;
        foreach (var item in Array(e, "population").EnumerateArray())
        {
            var field = $"population[{i++}]";
            Object(item, field);
            RejectUnknown(item, field, "id", "stratum", "weight");
            var id = String(Require(item, "id", $"{field}.id"), $"{field}.id");
            var stratum = TryGet(item, "stratum", out var s) ? String(s, $"{field}.stratum") : PopulationEntry.NoStratum;
            var weight = TryGet(item, "weight", out var w) ? Integer(w, $"{field}.weight") : 1;
            if (weight is < 0 or > PopulationEntry.MaxWeight)
                throw new DrawInputException($"{field}.weight: {weight} is outside 1…100");
            list.Add(new PopulationEntry(id, stratum, (int)weight));
        }
        return list;
    }
}
