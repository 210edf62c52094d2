using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Clerk;

/// <summary>
/// Issue 11, "codes instead of names" and "English leftovers", over every staff page a role can reach on the demo
/// bureau: each page without route values, then every same-site link found on them (details pages with real ids). What a
/// clerk reads (text, not attributes, code samples or scripts) must hold no English phrase and no raw code such as
/// ABNORMAL_LIST or NO_PROBLEM.
/// </summary>
public sealed partial class StaffPagesSpeakChineseTests(DemoHostFixture fixture) : IClassFixture<DemoHostFixture>
{
    const int MaxPagesPerRole = 160;

    TestHost Host => fixture.Host;

    /// <summary>Words a Chinese UI rightly shows in Latin letters.</summary>
    static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "SpotCheck", "USCC", "API", "PDF", "Excel", "WPS", "Word", "csv", "CSV", "xlsx", "docx", "json", "JSON", "SHA", "DRAW",
        "ECDSA", "HTTP", "HTTPS", "URL", "ID", "Token", "Bearer",
    };

    /// <summary>Proper names: the public randomness beacon's operator.</summary>
    static readonly string[] AllowedPhrases = ["League of Entropy"];

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Planner)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Officer)]
    public async Task Every_staff_page_a_role_reaches_reads_in_Chinese(string role)
    {
        var client = role == Roles.Officer ? await Host.SignedInOfficerAsync(await BusiestOfficerAsync()) : await Host.SignedInClientAsync(role);
        var queue = new Queue<string>(StartUrls());
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var problems = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPagesPerRole)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            visited++;
            var html = await response.Content.ReadAsStringAsync();
            problems.AddRange(Problems(html).Select(p => $"{url}: {p}"));
            foreach (var link in Links(html).Where(seen.Add)) queue.Enqueue(link);
        }

        Assert.True(visited >= 5, $"only {visited} pages reached");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(40)));
    }

    async Task<int> BusiestOfficerAsync()
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.TaskMembers.GroupBy(t => t.OfficerId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
    }

    IEnumerable<string> StartUrls() =>
        Host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && !e.RoutePattern.Parameters.Any())
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(IsStaff).Distinct().Order(StringComparer.Ordinal);

    static bool IsStaff(string path) =>
        path.StartsWith("/Staff", StringComparison.Ordinal) || path.StartsWith("/Admin", StringComparison.Ordinal)
        || path.StartsWith("/Audit", StringComparison.Ordinal);

    static IEnumerable<string> Links(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(h => IsStaff(h) && !h.Contains("handler=", StringComparison.OrdinalIgnoreCase) && !h.Contains('#'));

    static IEnumerable<string> Problems(string html)
    {
        var text = WebUtility.HtmlDecode(Tag().Replace(Hidden().Replace(html, " "), " "));
        foreach (var phrase in AllowedPhrases) text = text.Replace(phrase, " ", StringComparison.Ordinal);
        foreach (Match m in EnglishPhrase().Matches(text))
            if (m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => !Allowed.Contains(w)) >= 2)
                yield return "English: " + m.Value;
        foreach (Match m in RawCode().Matches(text)) yield return "code: " + m.Value;
    }

    [GeneratedRegex("""href="(/[^"]*)""")]
    private static partial Regex Href();

    /// <summary>Not read as prose: code samples, preformatted JSON (behind its toggle), scripts, styles, the page title.</summary>
    [GeneratedRegex(@"<(code|pre|script|style|title|template)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\b[A-Za-z]{2,}(?:[ ]+[A-Za-z]{2,})+\b")]
    private static partial Regex EnglishPhrase();

    [GeneratedRegex(@"\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b")]
    private static partial Regex RawCode();
}
