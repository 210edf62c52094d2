using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using SpotCheck.Draw;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Json;
using SpotCheck.Draw.Record;
using SpotCheck.Draw.Selection;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Cli;

/// <summary>
/// Runs the built host (<c>dotnet spotcheck.dll draw …</c>) as a child process over every DRAW-v1 example and over bad
/// input: exit 0 with the exact output, 1 with one stderr line naming the field, 2 for usage errors.
/// </summary>
public sealed class DrawCliTests : IDisposable
{
    readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("spotcheck-draw-cli-");

    public void Dispose() => _temp.Delete(recursive: true);

    static readonly string ExamplesDir = FindExamples();

    static string FindExamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "SpotCheck.Draw.Tests", "Examples");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/SpotCheck.Draw.Tests/Examples not found above " + AppContext.BaseDirectory);
    }


    static Task<SpotcheckCli.Run> SpotcheckAsync(params string[] args) => SpotcheckCli.RunAsync(null, args);

    static string Example(string name) => Path.Combine(ExamplesDir, name);

    static TheoryData<string> Cases(string suffix)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(FindExamples(), "*" + suffix).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f)[..^suffix.Length]);
        return data;
    }

    public static TheoryData<string> ArgCases => Cases(".args");
    public static TheoryData<string> RequestCases => Cases(".request.json");
    public static TheoryData<string> LogCases => Cases(".jsonl");

    [Theory]
    [MemberData(nameof(ArgCases))]
    public async Task Argument_example_prints_its_expected_line(string name)
    {
        var run = await SpotcheckAsync(await File.ReadAllLinesAsync(Example(name + ".args")));
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal((await File.ReadAllTextAsync(Example(name + ".expected.txt"))).Trim(), run.Stdout.TrimEnd('\n'));
    }

    [Theory]
    [MemberData(nameof(RequestCases))]
    public async Task Request_example_prints_its_expected_json(string name)
    {
        var sub = name[3..].StartsWith("assign", StringComparison.Ordinal) ? "assign" : "select";
        var args = new List<string> { "draw", sub, Example(name + ".request.json") };
        if (File.Exists(Example(name + ".population.tsv"))) args.AddRange(["--population", Example(name + ".population.tsv")]);
        var run = await SpotcheckAsync([.. args]);
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(Jcs.Serialize(JsonNode.Parse(await File.ReadAllTextAsync(Example(name + ".expected.json")))),
            Jcs.Serialize(JsonNode.Parse(run.Stdout)));
    }

    [Theory]
    [MemberData(nameof(LogCases))]
    public async Task Audit_log_example_verifies_or_breaks_as_expected(string name)
    {
        var run = await SpotcheckAsync("audit", "verify", Example(name + ".jsonl"));
        var expected = (await File.ReadAllTextAsync(Example(name + ".expected.txt"))).Trim();
        Assert.Equal(expected.StartsWith("OK", StringComparison.Ordinal) ? 0 : 1, run.ExitCode);
        Assert.StartsWith(expected, run.Stdout);
    }

    [Theory]
    [InlineData("{", "request: malformed JSON")]
    [InlineData("{\"seed\":\"xyz\",\"mode\":\"SRS\",\"k\":1,\"population\":[]}", "seed: must be exactly 64 lowercase hex characters")]
    [InlineData("{\"seed\":\"S\",\"mode\":\"SRS\",\"k\":1,\"population\":[{\"id\":\"A\"},{\"id\":\"A\"}]}", "population[1].id: duplicate id A")]
    [InlineData("{\"seed\":\"S\",\"mode\":\"SRS\",\"k\":1,\"population\":[{\"id\":\"A/B\"}]}", "population[0].id: \"A/B\" is not a valid id")]
    [InlineData("{\"seed\":\"S\",\"mode\":\"RANDOM\",\"k\":1,\"population\":[]}", "mode: \"RANDOM\" is not SRS, STRATIFIED or WEIGHTED")]
    [InlineData("{\"seed\":\"S\",\"mode\":\"SRS\",\"k\":-3,\"population\":[]}", "k: -3 is negative")]
    [InlineData("{\"seed\":\"S\",\"mode\":\"STRATIFIED\",\"kByStratum\":{\"A\":1},\"population\":[{\"id\":\"X\",\"stratum\":\"B\"}]}", "kByStratum: no entry for stratum B")]
    public async Task Bad_select_request_exits_1_with_one_line_naming_the_field(string json, string message)
    {
        var path = await TempFileAsync(json.Replace("\"S\"", "\"" + new string('a', 64) + "\"", StringComparison.Ordinal));
        var run = await SpotcheckAsync("draw", "select", path);
        AssertInputError(run, message);
    }

    [Fact]
    public async Task Duplicate_in_population_tsv_exits_1_with_its_line()
    {
        var request = await TempFileAsync("{\"seed\":\"" + new string('b', 64) + "\",\"mode\":\"SRS\",\"k\":1}");
        var tsv = await TempFileAsync("A\nB\nA\n");
        AssertInputError(await SpotcheckAsync("draw", "select", request, "--population", tsv), "--population line 3: duplicate id A (first on line 1)");
    }

    [Fact]
    public async Task Bad_assign_request_exits_1()
    {
        var path = await TempFileAsync("{\"seed\":\"" + new string('c', 64) + "\",\"targets\":[\"T\"],\"departments\":[\"D\"],\"teamSize\":1," +
                                       "\"planEndDate\":\"2026-12-31\",\"inspectors\":[]}");
        AssertInputError(await SpotcheckAsync("draw", "assign", path), "teamSize: 1 is below the minimum 2");
    }

    [Theory]
    [InlineData("ticket --seed abc --tag S --a X --b 1", "--seed: must be exactly 64 lowercase hex characters")]
    [InlineData("ticket --seed SEED --tag Q --a X --b 1", "--tag: must be S or A")]
    [InlineData("ticket --seed SEED --tag S --a X --b 0", "--b: \"0\" is not a decimal j ≥ 1")]
    [InlineData("commit --draw-id D --party P|Q --secret SEED", "--party: \"P|Q\" is not a valid id")]
    [InlineData("seed --draw-id D --inputs-hash SEED --secret p=SEED --secret p=SEED --public-randomness x", "--secret: party p given twice")]
    public async Task Bad_arguments_exit_1(string args, string message) =>
        AssertInputError(await SpotcheckAsync(["draw", .. args.Replace("SEED", new string('d', 64), StringComparison.Ordinal).Split(' ')]), message);

    [Fact]
    public async Task Missing_request_file_exits_1() =>
        Assert.Equal(1, (await SpotcheckAsync("draw", "select", "/nonexistent/request.json")).ExitCode);

    [Theory]
    [InlineData("draw frobnicate")]
    [InlineData("draw ticket --seed x --tag S --a X")]
    [InlineData("draw select")]
    [InlineData("draw commit --draw-id D --party P --secret x --bogus 1")]
    public async Task Usage_errors_exit_2(string args) =>
        Assert.Equal(2, (await SpotcheckAsync(args.Split(' '))).ExitCode);

    [Fact]
    public async Task Draw_record_verifies_and_a_tampered_copy_is_rejected_with_the_first_discrepancy()
    {
        var record = BuildRecord();
        var ok = await SpotcheckAsync("draw", "verify", await TempFileAsync(record.ToJsonString()));
        Assert.Equal((0, ""), (ok.ExitCode, ok.Stderr));
        Assert.Equal($"OK drawId=CLI-REC-1 selected={record["selected"]!.AsArray().Count} teams={record["teams"]!.AsArray().Count}\n", ok.Stdout);

        var original = record["selected"]![1]!["id"]!.GetValue<string>();
        record["selected"]![1]!["id"] = "TAMPERED";
        var bad = await SpotcheckAsync("draw", "verify", await TempFileAsync(record.ToJsonString()));
        AssertInputError(bad, $"selected[1].id: expected {original}, got TAMPERED");
    }

    static JsonObject BuildRecord()
    {
        var end = new DateOnly(2026, 12, 31);
        var definition = new DrawDefinition("CLI-REC-1", new DateOnly(2026, 3, 1), end, new SelectionParams(SelectionMode.Srs, K: 3), 365, 2, ["D1"],
            new Dictionary<string, long>(), Enumerable.Range(1, 12).Select(i => new PopulationEntry($"E{i:D3}")).ToList(), [],
            Enumerable.Range(1, 4).Select(i => new Inspector($"O{i}", "D1", true, end, 0, 5)).ToList(), [],
            new Dictionary<string, IReadOnlyList<string>>());
        var secret = new string('e', 64);
        var builder = new DrawRecordBuilder(definition)
            .Commit("organizer", DrawHash.Commitment("CLI-REC-1", "organizer", secret), DateTimeOffset.UnixEpoch)
            .Reveal("organizer", secret);
        builder.ComputeSeed();
        builder.Select();
        builder.Assign();
        builder.LogCeremony(1, DateTimeOffset.UnixEpoch.AddMinutes(1), "organizer", SpotCheck.Draw.Audit.LogChain.Genesis);
        return builder.Build("spotcheck test", new HashSet<string>());
    }

    static void AssertInputError(SpotcheckCli.Run run, string message)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith(message, lines[0]);
    }

    async Task<string> TempFileAsync(string content)
    {
        var path = Path.Combine(_temp.FullName, $"{_temp.GetFiles().Length}.txt");
        await File.WriteAllTextAsync(path, content);
        return path;
    }
}
