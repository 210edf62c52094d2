using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpotCheck.Core.Draws;
using SpotCheck.Draw.Record;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Browser;

/// <summary>
/// Issue 10 part 4 in a real Chromium against the real app on a real port: the demo's published 2025 draw recomputed
/// by the page's Web Worker shows 核验通过, and tampered copies of its record, picked as local files, fail at the same
/// place and with the same words as <c>spotcheck draw verify</c> (the real CLI as a child process, and the C# verifier
/// for a wider set of edits). Screenshots go to artifacts/verify.
/// </summary>
public sealed class VerifyDrawInBrowserTests(VerifyPageFixture host) : IClassFixture<VerifyPageFixture>
{
    const string Passed = "核验通过";
    const string Failed = "核验未通过";

    [SkippableFact]
    public async Task The_published_demo_draw_verifies_in_the_browser_as_the_cli_says()
    {
        var page = await host.OpenAsync(390);
        Assert.Equal(Passed, await page.InnerTextAsync("#verify-status"));
        var cli = await host.CliAsync(host.PublicRecord);
        Assert.Equal((0, ""), (cli.ExitCode, cli.Stderr));
        Assert.Equal(cli.Stdout.Trim(), await page.TextContentAsync("#verify-line"));
        Assert.StartsWith($"OK drawId={host.DrawId} selected=12 teams=12", cli.Stdout);
        Assert.Contains("conflicts.tsv", await page.InnerTextAsync("#verify-summary"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        await host.ShotAsync(page, "01-published-draw-verified");

        await page.FocusAsync("#verify-published");
        await page.Keyboard.PressAsync("Enter");
        await WaitForOutcomeAsync(page);
        Assert.Equal(Passed, await page.InnerTextAsync("#verify-status"));
    }

    public static TheoryData<string> Tamperings() => new() { "ticket", "selected-id", "team-member", "log-hash", "status" };

    [SkippableTheory]
    [MemberData(nameof(Tamperings))]
    public async Task A_tampered_record_fails_where_and_as_the_cli_says(string tampering)
    {
        var record = JsonNode.Parse(host.PublicRecord)!.AsObject();
        var (expectedStart, edit) = Tamper(tampering, record);
        edit();
        var file = await host.WriteAsync($"tampered-{tampering}.json", Encoding.UTF8.GetBytes(record.ToJsonString()));
        var cli = await host.CliAsync(file);
        Assert.Equal(1, cli.ExitCode);
        var cliLine = Assert.Single(cli.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith(expectedStart, cliLine);

        var page = await host.OpenAsync(1280);
        var shown = await VerifyFileAsync(page, file);

        Assert.Equal(Failed, await page.InnerTextAsync("#verify-status"));
        Assert.Equal(cliLine, shown);
        await host.ShotAsync(page, $"02-tampered-{tampering}");
    }

    /// <summary>What each edit must be reported as (the start of the CLI's line), and the edit.</summary>
    static (string Expected, Action Edit) Tamper(string tampering, JsonObject r) => tampering switch
    {
        "ticket" => ("selected[2].ticket: expected ", () => r["selected"]![2]!["ticket"] = new string('0', 64)),
        "selected-id" => ("selected[1].id: expected ", () => r["selected"]![1]!["id"] = "91411721DM00000000"),
        "team-member" => ("teams[0].tickets[1]: expected ", () => r["teams"]![0]!["team"]![1] = "XP-OFF-99"),
        "log-hash" => ("log[2].hash (seq ", () => r["log"]![2]!["hash"] = new string('0', 64)),
        _ => ("status: expected COMPLETE, got PARTIAL", () => r["status"] = "PARTIAL"),
    };

    [SkippableFact]
    public async Task The_full_record_recomputes_the_assignment_in_the_browser()
    {
        var full = JsonNode.Parse(host.FullRecord)!.AsObject();
        Assert.NotNull(full["snapshot"]![SnapshotFiles.Conflicts]);
        var page = await host.OpenAsync(1280);

        var fullFile = await host.WriteAsync("full.json", host.FullRecord);
        Assert.Equal((await host.CliAsync(fullFile)).Stdout.Trim(), await VerifyFileAsync(page, fullFile));
        Assert.Equal(Passed, await page.InnerTextAsync("#verify-status"));

        var expected = full["teams"]![0]!["team"]![0]!.GetValue<string>();
        full["teams"]![0]!["team"]![0] = "XP-OFF-99";
        var file = await host.WriteAsync("full-team.json", Encoding.UTF8.GetBytes(full.ToJsonString()));
        var cli = await host.CliAsync(file);
        Assert.Equal($"teams[0].team[0]: expected {expected}, got XP-OFF-99", cli.Stderr.Trim());
        Assert.Equal(cli.Stderr.Trim(), await VerifyFileAsync(page, file));
    }

    /// <summary>
    /// The page and DrawRecordVerifier (what the CLI prints) give the same line for edits of every kind of check: the
    /// JSON itself, the envelope, hashes, commitments, seed, trust and source, selection, quotas, exclusions,
    /// substitutions, teams, status and the log. Checked in one page, one file after another.
    /// </summary>
    [SkippableFact]
    public async Task The_page_and_the_cli_verifier_word_every_kind_of_discrepancy_alike()
    {
        var page = await host.OpenAsync(1280);
        var mismatches = new List<string>();
        var lines = new HashSet<string>();
        foreach (var (name, bytes) in Battery(host.PublicRecord).Concat(Battery(host.FullRecord).Select(b => ("full-" + b.Name, b.Bytes))))
        {
            var expected = DrawRecordVerifier.Verify(bytes);
            var shown = await VerifyFileAsync(page, await host.WriteAsync($"battery-{name}.json", bytes));
            var want = expected.Discrepancy ?? expected.Summary;
            lines.Add(want);
            if (shown != want) mismatches.Add($"{name}: page \"{shown}\", cli \"{want}\"");
        }
        Assert.Empty(mismatches);
        Assert.True(lines.Count > 30, $"the edits should reach many different checks, reached {lines.Count}");
    }

    [SkippableFact]
    public async Task Once_loaded_the_page_verifies_a_file_without_the_network()
    {
        var page = await host.OpenAsync(1280);
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.Context.SetOfflineAsync(true);
        try
        {
            var record = JsonNode.Parse(host.PublicRecord)!.AsObject();
            record["trustLabel"] = "公平";
            var shown = await VerifyFileAsync(page, await host.WriteAsync("offline.json", Encoding.UTF8.GetBytes(record.ToJsonString())));
            Assert.StartsWith("trustLabel: expected ", shown);
            Assert.Equal(Failed, await page.InnerTextAsync("#verify-status"));

            await VerifyFileAsync(page, await host.WriteAsync("offline-unchanged.json", host.PublicRecord));
            Assert.Equal(Passed, await page.InnerTextAsync("#verify-status"));
            Assert.Empty(requests);
        }
        finally
        {
            await page.Context.SetOfflineAsync(false);
        }
    }

    [SkippableFact]
    public async Task The_page_has_no_inline_script_and_exists_only_for_a_published_draw()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var html = await client.GetStringAsync($"/public/draws/{host.DrawId}/verify");
        Assert.DoesNotMatch(new Regex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("\\son[a-z]+=\"", RegexOptions.IgnoreCase), html);
        Assert.Contains("type=\"module\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/public/draws/2099-P9-01/verify")).StatusCode);
    }

    static async Task WaitForOutcomeAsync(IPage page) =>
        await page.WaitForFunctionAsync("document.getElementById('verify-progress-label').textContent.startsWith('已完成')", null,
            new PageWaitForFunctionOptions { Timeout = 120_000 });

    /// <summary>Picks the file as a visitor would and returns the line the page shows.</summary>
    static async Task<string> VerifyFileAsync(IPage page, string file)
    {
        var name = Path.GetFileName(file);
        await page.SetInputFilesAsync("#verify-file", file);
        await page.WaitForFunctionAsync(
            $"(l => l.startsWith('已完成') && l.includes({System.Text.Json.JsonSerializer.Serialize(name)}))(document.getElementById('verify-progress-label').textContent)",
            null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        return await page.TextContentAsync("#verify-line") ?? "";
    }

    /// <summary>Edits of every kind of check, as JSON edits and as text edits of the file.</summary>
    static IEnumerable<(string Name, byte[] Bytes)> Battery(byte[] original)
    {
        var text = Encoding.UTF8.GetString(original);
        (string, byte[]) Edit(string name, Action<JsonObject> edit)
        {
            var r = JsonNode.Parse(original)!.AsObject();
            edit(r);
            return (name, Encoding.UTF8.GetBytes(r.ToJsonString()));
        }
        (string, byte[]) Text(string name, string edited) => (name, Encoding.UTF8.GetBytes(edited));
        yield return ("unchanged", original);
        yield return Text("malformed", text[..^3]);
        yield return Text("not-an-object", "[1,2]");
        yield return Text("duplicate-property", text.Replace("\"status\":", "\"status\":\"x\",\"status\":"));
        yield return Text("fraction", Regex.Replace(text, "\"rank\":1,", "\"rank\":1.0,"));
        yield return Text("lone-surrogate", text.Replace("\"software\":\"", "\"software\":\"\\ud800"));
        yield return ("bom", [0xEF, 0xBB, 0xBF, .. original]);
        yield return Edit("format", r => r["format"] = "x");
        yield return Edit("unknown-field", r => r["note"] = 1);
        yield return Edit("draw-id", r => r["drawId"] = "a|b");
        yield return Edit("inputs-draw-id", r => r["inputs"]!["drawId"] = "OTHER");
        yield return Edit("population", r => r["snapshot"]!["population.tsv"] = r["snapshot"]!["population.tsv"]!.GetValue<string>()[1..]);
        yield return Edit("private-file-missing", r => r["snapshot"]!.AsObject().Remove("excluded.tsv"));
        yield return Edit("inputs", r => r["inputs"]!["params"]!["teamSize"] = 3);
        yield return Edit("commitment-twice", r => r["commitments"]!.AsArray().Add(r["commitments"]![0]!.DeepClone()));
        yield return Edit("secret-twice", r => r["secrets"]!.AsArray().Add(r["secrets"]![1]!.DeepClone()));
        yield return Edit("secret", r => r["secrets"]![0]!["secret"] = new string('a', 64));
        yield return Edit("published-at", r => r["commitments"]![1]!["publishedAt"] = "2099-01-01T00:00:00.000Z");
        yield return Edit("randomness-format", r => r["publicRandomness"] = "dice:1");
        yield return Edit("randomness", r => r["publicRandomness"] = "dice:12345678901234567890");
        yield return Edit("seed", r => r["seed"] = new string('b', 64));
        yield return Edit("trust", r => r["trust"] = "NO_PUBLIC_RANDOMNESS");
        yield return Edit("trust-label", r => r["trustLabel"] = "公平");
        yield return Edit("source-kind", r => r["randomnessSource"] = "drand：quicknet");
        yield return Edit("source-text", r => r["randomnessSource"] = "dice：另一段说明");
        yield return Edit("source-missing", r => r["randomnessSource"] = null);
        yield return Edit("source-no-kind", r => r["randomnessSource"] = "骰子\u0001" + new string('x', 100));
        yield return Edit("selected-extra-field", r => r["selected"]![0]!["extra"] = true);
        yield return Edit("selected-row", r => r["selected"]![3] = 5);
        yield return Edit("selected-dropped", r => r["selected"]!.AsArray().RemoveAt(11));
        yield return Edit("stratum-rank", r => r["selected"]![4]!["stratumRank"] = 9);
        yield return Edit("strata", r => r["strata"]![1]!["k"] = 9);
        yield return Edit("substitution", r => r["substitutions"]!.AsArray().Add(new JsonObject
        {
            ["replaced"] = r["selected"]![0]!["id"]!.GetValue<string>(), ["substitute"] = "X", ["stratum"] = "B", ["stratumRank"] = 6,
            ["ticket"] = new string('0', 64), ["reason"] = "x",
        }));
        yield return Edit("infeasible", r => r["infeasible"]!.AsArray().Add(new JsonObject { ["target"] = r["selected"]![0]!["id"]!.GetValue<string>() }));
        yield return Edit("team-order", r =>
        {
            var team = r["teams"]![0]!.AsObject();
            team["team"] = new JsonArray(team["team"]!.AsArray().Reverse().Select(x => (JsonNode)x!.GetValue<string>()).ToArray());
            team["tickets"] = new JsonArray(team["tickets"]!.AsArray().Reverse().Select(x => (JsonNode)x!.GetValue<string>()).ToArray());
        });
        yield return Edit("team-invalid-member", r => r["teams"]![1]!["team"]![0] = "张三");
        yield return Edit("team-dropped", r => r["teams"]!.AsArray().RemoveAt(5));
        yield return Edit("excluded", r => r["snapshot"]!["excluded.tsv"] = r["snapshot"]!["excluded.tsv"]!.GetValue<string>() + "ZZZ\tX\t-\n");
        yield return Edit("log-entry-dropped", r => r["log"]!.AsArray().RemoveAt(7));
        yield return Edit("log-reordered", r =>
        {
            var log = r["log"]!.AsArray();
            var entry = log[3]!;
            log.RemoveAt(3);
            log.Insert(1, entry);
        });
        yield return Edit("log-draw-id", r => r["log"]![0]!["drawId"] = null);
        yield return Edit("log-ts", r => r["log"]![1]!["ts"] = "2025-03-10 01:00:00");
        yield return Edit("log-extra-field", r => r["log"]![1]!["note"] = "x");
        yield return Edit("log-payload", r => r["log"]![0]!["payload"]!["randomnessSource"] = "dice: x");
    }
}

/// <summary>The demo host on a real port, one Chromium, and the demo's published 2025 draw record (public and full).</summary>
public sealed class VerifyPageFixture : IAsyncLifetime
{
    static readonly string ArtifactsDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "verify");
    TestStorage _storage = null!;
    SpotCheckFactory _factory = null!;
    IPlaywright _playwright = null!;
    IBrowser _browser = null!;

    public string BaseUrl { get; private set; } = "";
    public string DrawId { get; private set; } = "";
    public byte[] PublicRecord { get; private set; } = [];
    public byte[] FullRecord { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        _factory = new SpotCheckFactory(_storage, demo: true);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using (var client = new HttpClient { BaseAddress = new Uri(BaseUrl) })
        {
            var draws = JsonNode.Parse(await client.GetStringAsync("/api/v1/public/draws"))!;
            DrawId = draws["items"]![0]!["drawId"]!.GetValue<string>();
            PublicRecord = await client.GetByteArrayAsync($"/api/v1/public/draws/{DrawId}/record");
        }
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var full = await scope.ServiceProvider.GetRequiredService<DrawRecords.Handler>().HandleAsync(DrawId, includePrivateFiles: true);
            FullRecord = Encoding.UTF8.GetBytes(full.Value.ToJsonString());
        }
        if (Directory.Exists(ArtifactsDir)) Directory.Delete(ArtifactsDir, recursive: true);
        Directory.CreateDirectory(Path.Combine(ArtifactsDir, "files"));
        _playwright = await Playwright.CreateAsync();
        _browser = await RequiredTools.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        await _storage.DisposeAsync();
    }

    /// <summary>A fresh page on the draw's verify page, after the published record has been verified on load.</summary>
    public async Task<IPage> OpenAsync(int width)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/public/draws/{DrawId}/verify");
        await page.WaitForFunctionAsync("document.getElementById('verify-progress-label').textContent.startsWith('已完成')", null,
            new PageWaitForFunctionOptions { Timeout = 120_000 });
        return page;
    }

    public async Task<string> WriteAsync(string name, byte[] bytes)
    {
        var path = Path.Combine(ArtifactsDir, "files", name);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    public async Task<SpotcheckCli.Run> CliAsync(byte[] record) => await CliAsync(await WriteAsync("cli.json", record));

    public Task<SpotcheckCli.Run> CliAsync(string file) => SpotcheckCli.RunAsync(null, "draw", "verify", file);

    public Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, name + ".png"), FullPage = true });
}
