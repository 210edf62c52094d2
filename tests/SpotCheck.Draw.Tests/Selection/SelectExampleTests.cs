using System.Text;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Requests;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Draw.Tests.Selection;

/// <summary>Examples 06–16 through the request parsers, the engine and the result writer.</summary>
public sealed class SelectExampleTests
{
    public static TheoryData<string> SelectCases => ExampleFiles.Cases(".request.json", "select");
    public static TheoryData<string> AssignCases => ExampleFiles.Cases(".request.json", "assign");

    static byte[] Bytes(string name) => File.ReadAllBytes(ExampleFiles.PathOf(name));

    [Theory]
    [MemberData(nameof(SelectCases))]
    public void Select_example_reproduces_expected_json(string name)
    {
        var tsvPath = ExampleFiles.PathOf(name + ".population.tsv");
        var hasTsv = File.Exists(tsvPath);
        var request = SelectRequest.Parse(Bytes(name + ".request.json"), hasTsv);
        var result = hasTsv
            ? TsvSelector.Select(request.Seed, File.ReadAllBytes(tsvPath), request.Params)
            : Selector.Select(request.Seed, request.Population!, request.Params);
        AssertSameJson(ExampleFiles.Read(name + ".expected.json"), ResultJson.ToString(result));
    }

    [Theory]
    [MemberData(nameof(SelectCases))]
    public void Tsv_path_and_in_memory_path_agree_on_every_select_example(string name)
    {
        var tsvPath = ExampleFiles.PathOf(name + ".population.tsv");
        SelectRequest request;
        List<PopulationEntry> population;
        if (File.Exists(tsvPath))
        {
            request = SelectRequest.Parse(Bytes(name + ".request.json"), true);
            population = File.ReadAllLines(tsvPath).Select(l => l.Split('\t'))
                .Select(f => new PopulationEntry(f[0], f.Length > 1 ? f[1] : "_", f.Length > 2 ? int.Parse(f[2]) : 1)).ToList();
        }
        else
        {
            request = SelectRequest.Parse(Bytes(name + ".request.json"), false);
            population = request.Population!.ToList();
        }
        var tsv = Encoding.ASCII.GetBytes(string.Concat(population.Select(e => $"{e.Id}\t{e.Stratum}\t{e.Weight}\n")));
        Assert.Equal(ResultJson.ToString(Selector.Select(request.Seed, population, request.Params)),
            ResultJson.ToString(TsvSelector.Select(request.Seed, tsv, request.Params, parallelism: 2)));
    }

    [Theory]
    [MemberData(nameof(AssignCases))]
    public void Assign_example_reproduces_expected_json(string name)
    {
        var input = AssignRequest.Parse(Bytes(name + ".request.json"));
        AssertSameJson(ExampleFiles.Read(name + ".expected.json"), ResultJson.ToString(Assigner.Assign(input)));
    }

    internal static void AssertSameJson(string expected, string actual) =>
        Assert.Equal(SpotCheck.Draw.Json.Jcs.Serialize(JsonNode.Parse(expected)), SpotCheck.Draw.Json.Jcs.Serialize(JsonNode.Parse(actual)));
}
