using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using SpotCheck.Draw;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Audit;
using SpotCheck.Draw.Record;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Bench.Workflow;

/// <summary>
/// Issue 10 part 4: times the "verify this draw" page on a synthetic record of N frame rows (four risk classes at 1 %,
/// every 20th id weighted 3, 40 officers, 3 substitutions, published without the staffing files), uploaded to the page of
/// a running host. The page's and the worker's used JS heap are sampled over CDP (<see cref="HeapSampler"/>); while the
/// worker hashes, the page is asked to evaluate a trivial expression every 250 ms, and the slowest answer shows whether
/// the page stayed responsive. Run by bench/verify-in-browser.sh.
/// </summary>
static class VerifyInBrowserBench
{
    public const string Usage = "verify-in-browser BASE_URL DRAW_ID ROWS WORK_DIR [CHROMIUM=/usr/bin/chromium]";

    public static async Task<int> RunAsync(string baseUrl, string drawId, int rows, string workDir, string chromium)
    {
        Directory.CreateDirectory(workDir);
        var recordPath = Path.Combine(workDir, $"record-{rows}.json");
        var watch = Stopwatch.StartNew();
        var reused = File.Exists(recordPath);
        var record = reused ? await File.ReadAllBytesAsync(recordPath) : BuildRecord(rows);
        if (!reused) await File.WriteAllBytesAsync(recordPath, record);
        Console.WriteLine($"record: {rows:N0} rows, {record.Length / 1048576.0:F1} MiB, {(reused ? "reused" : "built")} in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        var cli = DrawRecordVerifier.Verify(record);
        Console.WriteLine($"C# verifier (in process): {watch.Elapsed.TotalSeconds:F1} s: {cli.Discrepancy ?? cli.Summary}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium, Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/public/draws/{drawId}/verify");
        await page.WaitForFunctionAsync("document.getElementById('verify-status').textContent === '核验通过'", null,
            new PageWaitForFunctionOptions { Timeout = 600_000 });
        await using var heap = await HeapSampler.StartAsync(page);

        await page.SetInputFilesAsync("#verify-file", recordPath, new PageSetInputFilesOptions { Timeout = 600_000 });
        watch.Restart();
        var slowest = 0.0;
        var samples = 0;
        var done = false;
        var probe = Task.Run(async () =>
        {
            while (!Volatile.Read(ref done))
            {
                var asked = Stopwatch.StartNew();
                await page.EvaluateAsync("1");
                slowest = Math.Max(slowest, asked.Elapsed.TotalMilliseconds);
                samples++;
                await Task.Delay(250);
            }
        });
        await page.WaitForFunctionAsync("name => (l => l.startsWith('已完成') && l.includes(name))(document.getElementById('verify-progress-label').textContent)",
            Path.GetFileName(recordPath), new PageWaitForFunctionOptions { Timeout = 3_600_000, PollingInterval = 500 });
        var wall = watch.Elapsed.TotalSeconds;
        Volatile.Write(ref done, true);
        await probe;
        var (pagePeak, workerPeak, heapSamples) = await heap.StopAsync();
        var status = await page.InnerTextAsync("#verify-status");
        var line = await page.TextContentAsync("#verify-line") ?? "";
        var label = await page.InnerTextAsync("#verify-progress-label");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(workDir, "verify.png"), FullPage = true });

        Console.WriteLine($"page: {status}: {line}");
        Console.WriteLine($"page: {label} (worker time); file chosen to result shown {wall:F1} s wall");
        Console.WriteLine($"page responsiveness: slowest of {samples} evaluations during the run {slowest:F0} ms");
        Console.WriteLine($"JS heap peak (used, sampled {heapSamples} times): worker {workerPeak / 1048576.0:F1} MiB, page {pagePeak / 1048576.0:F1} MiB");
        return status == "核验通过" && line == cli.Summary ? 0 : 1;
    }

    /// <summary>The synthetic draw: a full ceremony through the library, published as the portal publishes it.</summary>
    static byte[] BuildRecord(int rows)
    {
        var end = new DateOnly(2026, 12, 31);
        var at = new DateTimeOffset(2026, 3, 5, 1, 30, 0, TimeSpan.Zero);
        string[] classes = ["A", "B", "C", "D"];
        var frame = Enumerable.Range(1, rows)
            .Select(i => new PopulationEntry(string.Create(CultureInfo.InvariantCulture, $"91411721BM{i:D8}"), classes[i % 4], i % 20 == 0 ? 3 : 1)).ToList();
        var officers = Enumerable.Range(1, 40)
            .Select(i => new Inspector(string.Create(CultureInfo.InvariantCulture, $"BM-OFF-{i:D3}"), "BMDEPT", true, end.AddDays(300), 0, 1000)).ToList();
        var ratios = classes.ToDictionary(c => c, _ => 10_000L);
        var definition = new DrawDefinition("BENCH-VERIFY", new DateOnly(2026, 3, 5), end, new SelectionParams(SelectionMode.Stratified, RatioPpm: ratios),
            365, 2, ["BMDEPT"], new Dictionary<string, long> { ["OTHER"] = 1, ["SERIOUS_VIOLATION"] = 3 }, frame, [], officers, [],
            new Dictionary<string, IReadOnlyList<string>>());
        var organizer = DrawHash.Sha256Hex("bench-organizer");
        var supervisor = DrawHash.Sha256Hex("bench-supervisor");
        var builder = new DrawRecordBuilder(definition)
            .Commit("organizer", DrawHash.Commitment(definition.DrawId, "organizer", organizer), at)
            .Commit("supervisor", DrawHash.Commitment(definition.DrawId, "supervisor", supervisor), at.AddMinutes(1))
            .DeclareRandomness("dice: bench")
            .PublicRandomness("dice:31415926535897932384", at.AddMinutes(30))
            .Reveal("organizer", organizer).Reveal("supervisor", supervisor);
        builder.ComputeSeed();
        builder.Select();
        builder.Assign();
        for (var i = 0; i < 3; i++) builder.Substitute(builder.Selection.Selected[i].Id, "INVALID:DEREGISTERED");
        builder.LogCeremony(1, at.AddMinutes(40), "organizer", LogChain.Genesis);
        var record = builder.Build("spotcheck bench", new HashSet<string> { SnapshotFiles.Conflicts, SnapshotFiles.PreviousTeams });
        return Encoding.UTF8.GetBytes(record.ToJsonString());
    }
}
