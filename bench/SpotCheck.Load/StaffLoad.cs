using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace SpotCheck.Load;

/// <summary>
/// bench/staff-load.sh: CLIENTS signed-in staff sessions for SECONDS seconds over a URL mix of staff lists and search
/// (home, enterprise search by name / USCC / filters / deep pages, task and officer lists, detail pages). Each client
/// signs in through the login form as a browser does and keeps its own session cookie, and reads a page every THINK ms
/// on average (uniform between half and one and a half times it; 0 = a closed loop, a stress test rather than users).
/// Exit 1 on any 5xx, transport error, or an answer that is not the page (a redirect to the login page).
/// </summary>
static partial class StaffLoad
{
    public static async Task<int> RunAsync(Options o)
    {
        var clients = o.Int("clients", 50);
        var seconds = o.Int("seconds", 60);
        var think = o.Int("think-ms", 1000);
        var baseUri = new Uri(o.Get("base"));
        var urls = (await File.ReadAllLinesAsync(o.Get("urls"))).Where(u => u.Length > 0).ToArray();
        var sessions = new HttpClient[clients];
        for (var i = 0; i < clients; i++) sessions[i] = await SignInAsync(baseUri, o.Get("user"), o.Get("password"));
        foreach (var url in urls.Distinct().Take(60)) await ReadAsync(sessions[0], url); // warm-up: JIT, caches
        Console.WriteLine($"staff load: {clients} signed-in sessions for {seconds} s, think time {think} ms on average, over {urls.Length} URLs ({urls.Distinct().Count()} distinct)");

        var samples = new ConcurrentBag<Sample>();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var local = new List<Sample>();
            var pause = new Random(i); // pacing only: nothing here is drawn or verified
            for (var k = i * 7919; clock.Elapsed < deadline; k++)
            {
                if (think > 0) await Task.Delay(think / 2 + pause.Next(think + 1));
                var url = urls[k % urls.Length];
                var started = Stopwatch.GetTimestamp();
                var (status, bytes) = await ReadAsync(sessions[i], url);
                local.Add(new Sample(Kind(url), status, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds, bytes));
            }
            foreach (var s in local) samples.Add(s);
        })));
        var all = samples.ToList();
        var errors = LatencyReport.Print(all, clock.Elapsed.TotalSeconds);
        var redirected = all.Count(s => s.Status is >= 300 and < 400);
        if (redirected > 0) Console.WriteLine($"redirects (signed out?): {redirected}");
        foreach (var s in sessions) s.Dispose();
        return errors == 0 && redirected == 0 ? 0 : 1;
    }

    static async Task<HttpClient> SignInAsync(Uri baseUri, string user, string password)
    {
        var http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(), AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.GZip,
        }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        var form = await http.GetStringAsync("/Account/Login");
        var token = TokenField().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("the login page has no anti-forgery token");
        using var answer = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect || answer.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"sign-in as {user} failed: {(int)answer.StatusCode}");
        return http;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex TokenField();

    /// <summary>The page and its first query parameter, for the per-kind lines.</summary>
    static string Kind(string url)
    {
        var parts = url.Split('?', 2);
        var path = Regex.Replace(parts[0], "/[0-9]+$", "/{id}");
        var first = parts.Length > 1 ? parts[1].Split('&')[0].Split('=')[0] : "";
        return first.Length == 0 ? path : $"{path}?{first}";
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
