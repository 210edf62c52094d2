using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpotCheck.Load;

/// <summary>
/// Clients in a closed loop for a bounded time: mostly anonymous reads from the URL list, every tenth request a staff
/// write with a bearer token (an enterprise edit, or a task record save). Each successful write is exactly one audit
/// entry, so the head's growth must equal the successful writes.
/// </summary>
static class Soak
{
    sealed record Sample(bool Write, int Status, long Micros);

    public static async Task<int> RunAsync(Options o)
    {
        var baseUri = new Uri(o.Get("base"));
        var clients = o.Int("clients", 200);
        var seconds = o.Int("seconds", 300);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients + 8, AllowAutoRedirect = false, UseCookies = false,
        }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        var planner = new AuthenticationHeaderValue("Bearer", o.Get("planner-token"));
        var officer = new AuthenticationHeaderValue("Bearer", o.Get("officer-token"));

        var enterprises = o.Get("enterprise-ids").Split(',').Select(int.Parse).ToArray();
        var tasks = await CreateTasksAsync(http, planner, o, enterprises);
        var urls = await ReadUrlsAsync(http, o.Get("urls"));
        var before = await HeadSeqAsync(http);
        Console.WriteLine($"soak: {clients} clients for {seconds} s against {baseUri}: {urls.Count} read URLs, {enterprises.Length} enterprises and {tasks.Length} tasks to write, audit head seq {before}");

        var samples = new ConcurrentBag<Sample>();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        var writesOk = 0L;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var local = new List<Sample>();
            for (var k = 0; clock.Elapsed < deadline; k++)
            {
                var write = k % 10 == 9;
                var started = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    status = !write ? await ReadAsync(http, urls[(i + k) % urls.Count])
                        : (k / 10) % 2 == 0 ? await EditEnterpriseAsync(http, planner, enterprises[i % enterprises.Length], i, k)
                        : await SaveRecordAsync(http, officer, tasks[i % tasks.Length], o.Int("item-id", 0), i, k);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }
                if (write && status is >= 200 and < 300) Interlocked.Increment(ref writesOk);
                local.Add(new Sample(write, status, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds));
            }
            foreach (var s in local) samples.Add(s);
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var after = await HeadSeqAsync(http);
        return Report(samples.ToList(), elapsed, writesOk, after - before);
    }

    static int Report(List<Sample> samples, double elapsed, long writesOk, long auditGrowth)
    {
        var all = samples.Select(s => s.Micros).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests {samples.Count} in {elapsed:F0} s ({samples.Count / elapsed:F0}/s): {samples.Count(s => !s.Write)} reads, {samples.Count(s => s.Write)} writes"));
        Console.WriteLine("status " + string.Join(", ", samples.GroupBy(s => s.Status).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{(g.Key == 0 ? "transport-error" : g.Key.ToString(CultureInfo.InvariantCulture))}×{g.Count()}"))));
        foreach (var (label, set) in new[] { ("all", all), ("reads", Sorted(samples, false)), ("writes", Sorted(samples, true)) })
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"latency {label}: p50 {P(set, 50)} ms, p95 {P(set, 95)} ms, p99 {P(set, 99)} ms, max {(set.Length == 0 ? 0 : set[^1] / 1000.0):F1} ms"));
        var serverErrors = samples.Count(s => s.Status is >= 500 or 0);
        Console.WriteLine($"5xx or transport errors: {serverErrors}");
        Console.WriteLine($"successful writes {writesOk}, audit entries added {auditGrowth}: {(writesOk == auditGrowth ? "match" : "MISMATCH")}");
        return serverErrors == 0 && writesOk == auditGrowth ? 0 : 1;
    }

    static long[] Sorted(List<Sample> samples, bool write) => samples.Where(s => s.Write == write).Select(s => s.Micros).Order().ToArray();

    static string P(long[] sorted, int percentile) => sorted.Length == 0 ? "-"
        : (sorted[Math.Min(sorted.Length - 1, (int)((long)sorted.Length * percentile / 100))] / 1000.0).ToString("F1", CultureInfo.InvariantCulture);

    static async Task<int> ReadAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        return (int)response.StatusCode;
    }

    /// <summary>Reads the enterprise (and its ETag, where the API has one) and changes its contact phone.</summary>
    static async Task<int> EditEnterpriseAsync(HttpClient http, AuthenticationHeaderValue planner, int id, int client, int k)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/enterprises/{id}") { Headers = { Authorization = planner } };
        using var current = await http.SendAsync(get);
        if (!current.IsSuccessStatusCode) return (int)current.StatusCode;
        var e = (await current.Content.ReadFromJsonAsync<JsonObject>())!["enterprise"]!.AsObject();
        var body = new JsonObject
        {
            ["name"] = e["name"]!.GetValue<string>(), ["uscc"] = e["uscc"]!.GetValue<string>(), ["regionCode"] = e["regionCode"]!.GetValue<string>(),
            ["address"] = e["address"]!.GetValue<string>(), ["tags"] = string.Join(';', e["tags"]!.AsArray().Select(t => t!.GetValue<string>())),
            ["riskClass"] = e["riskClass"]!.GetValue<string>(), ["abnormalList"] = e["abnormalList"]!.GetValue<bool>(),
            ["seriousViolation"] = e["seriousViolation"]!.GetValue<bool>(), ["status"] = e["status"]!.GetValue<string>(),
            ["contactName"] = e["contactName"]?.GetValue<string>() ?? "联系人",
            ["contactPhone"] = string.Create(CultureInfo.InvariantCulture, $"0396-{client:D3}{k:D5}"),
        };
        if (e["version"] is { } version) body["version"] = version.DeepClone();
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/enterprises/{id}") { Content = JsonContent.Create(body), Headers = { Authorization = planner } };
        if (current.Headers.ETag is { } etag) put.Headers.IfMatch.Add(etag);
        using var saved = await http.SendAsync(put);
        return (int)saved.StatusCode;
    }

    /// <summary>Each save differs from every other (client and round in the note): an identical save changes nothing and
    /// writes no audit entry, which would spoil the writes-equal-entries check.</summary>
    static async Task<int> SaveRecordAsync(HttpClient http, AuthenticationHeaderValue officer, int taskId, int itemId, int client, int k)
    {
        var body = new JsonObject
        {
            ["inspectedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["place"] = "企业经营场所", ["methods"] = new JsonArray("ONSITE"),
            ["checklist"] = new JsonArray(new JsonObject { ["itemId"] = itemId, ["compliant"] = true, ["note"] = $"客户{client}第{k}次保存" }),
            ["findings"] = "现场核查经营台账", ["results"] = new JsonArray("NO_PROBLEM"), ["followUps"] = new JsonArray("NONE_REQUIRED"),
        };
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/tasks/{taskId}/record") { Content = JsonContent.Create(body), Headers = { Authorization = officer } };
        using var saved = await http.SendAsync(put);
        return (int)saved.StatusCode;
    }

    /// <summary>Complaint tasks on demo enterprises for the officer user's team; created before the measured phase.</summary>
    static async Task<int[]> CreateTasksAsync(HttpClient http, AuthenticationHeaderValue planner, Options o, int[] enterprises)
    {
        var officers = o.Get("officer-ids").Split(',').Select(int.Parse).ToArray();
        var ids = new List<int>();
        for (var i = 0; i < o.Int("tasks", 20); i++)
        {
            var body = new JsonObject
            {
                ["source"] = "COMPLAINT", ["enterpriseId"] = enterprises[i % enterprises.Length], ["itemIds"] = new JsonArray(o.Int("item-id", 0)),
                ["dueDate"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["basis"] = string.Create(CultureInfo.InvariantCulture, $"压力测试举报 {i + 1}"), ["officerIds"] = new JsonArray([.. officers.Select(x => (JsonNode)x)]),
            };
            using var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks") { Content = JsonContent.Create(body), Headers = { Authorization = planner } };
            using var created = await http.SendAsync(post);
            var text = await created.Content.ReadAsStringAsync();
            if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"creating a task: {(int)created.StatusCode} {text}");
            ids.Add(JsonNode.Parse(text)!["id"]!.GetValue<int>());
        }
        return [.. ids];
    }

    /// <summary>One path per line; # comments; {drawId} becomes the first published draw.</summary>
    static async Task<List<string>> ReadUrlsAsync(HttpClient http, string file)
    {
        var lines = (await File.ReadAllLinesAsync(file)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Any(l => l.Contains("{drawId}", StringComparison.Ordinal)))
        {
            var draws = await http.GetFromJsonAsync<JsonObject>("/api/v1/public/draws");
            var drawId = draws?["items"]?.AsArray().FirstOrDefault()?["drawId"]?.GetValue<string>();
            lines = drawId is null ? lines.Where(l => !l.Contains("{drawId}", StringComparison.Ordinal)).ToList()
                : lines.Select(l => l.Replace("{drawId}", drawId, StringComparison.Ordinal)).ToList();
        }
        return lines;
    }

    static async Task<long> HeadSeqAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonObject>("/api/v1/public/audit/head"))!["seq"]!.GetValue<long>();
}
