using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace SpotCheck.Load;

/// <summary>
/// bench/portal-load.sh: CLIENTS anonymous visitors for SECONDS seconds over a URL mix, each request a fresh one (no
/// If-None-Match, so every answer is computed, not revalidated). Prints p50/p95/p99 overall and per kind of URL,
/// requests/s, bytes and errors. Exit 1 on any 5xx or transport error.
/// </summary>
static class PortalLoad
{
    public static async Task<int> RunAsync(Options o)
    {
        var clients = o.Int("clients", 200);
        var seconds = o.Int("seconds", 60);
        var urls = (await File.ReadAllLinesAsync(o.Get("urls"))).Where(u => u.Length > 0).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 8, AllowAutoRedirect = false, UseCookies = false,
            // As a browser does: the portal sends its pages gzip-compressed to clients that accept it.
            AutomaticDecompression = System.Net.DecompressionMethods.GZip })
        {
            BaseAddress = new Uri(o.Get("base")), Timeout = TimeSpan.FromSeconds(60),
        };
        foreach (var url in urls.Distinct().Take(50)) await ReadAsync(http, url); // warm-up: JIT, caches, connections
        Console.WriteLine($"portal load: {clients} connections for {seconds} s over {urls.Length} URLs ({urls.Distinct().Count()} distinct)");

        var samples = new ConcurrentBag<Sample>();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var local = new List<Sample>();
            for (var k = i * 7919; clock.Elapsed < deadline; k++)
            {
                var url = urls[k % urls.Length];
                var started = Stopwatch.GetTimestamp();
                var (status, bytes) = await ReadAsync(http, url);
                local.Add(new Sample(Kind(url), status, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds, bytes));
            }
            foreach (var s in local) samples.Add(s);
        })));
        var errors = LatencyReport.Print([.. samples], clock.Elapsed.TotalSeconds);
        return errors == 0 ? 0 : 1;
    }

    /// <summary>The kind of page or API call, for the per-kind lines.</summary>
    static string Kind(string url)
    {
        var path = url.Split('?')[0];
        var query = url.Contains('?') ? url[(url.IndexOf('?') + 1)..] : "";
        return path switch
        {
            "/" => "home",
            "/public/results" when query.StartsWith("q=9", StringComparison.Ordinal) => "results?q=uscc",
            "/public/results" when query.StartsWith("q=", StringComparison.Ordinal) => "results?q=name",
            "/public/results" when query.StartsWith("page=", StringComparison.Ordinal) => "results?page=N",
            "/public/results" when query.Length > 0 => "results?filters",
            "/public/results" => "results",
            _ when path.StartsWith("/public/enterprises/", StringComparison.Ordinal) => "enterprise",
            _ when path.StartsWith("/public/results/batches/", StringComparison.Ordinal) => "batch",
            _ when path.StartsWith("/public/draws/", StringComparison.Ordinal) => "draw",
            _ when path.StartsWith("/api/v1/public/results/export", StringComparison.Ordinal) => "api export",
            _ when path.StartsWith("/api/v1/public/draws/", StringComparison.Ordinal) => "api draw record",
            _ when path.StartsWith("/api/v1/public/results", StringComparison.Ordinal) => "api results",
            _ when path.StartsWith("/api/", StringComparison.Ordinal) => "api other",
            _ => path.TrimStart('/'),
        };
    }

    static async Task<(int Status, long Bytes)> ReadAsync(HttpClient http, string url)
    {
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            return ((int)response.StatusCode, (await response.Content.ReadAsByteArrayAsync()).LongLength);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, 0);
        }
    }
}
