using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Security;

/// <summary>
/// Every page for every role (on the demo data, so the pages show their forms and records), plus static files,
/// errors and the API, carries the hardening headers; no page has an inline script, inline handler or style
/// attribute, which the Content-Security-Policy would block.
/// </summary>
public sealed partial class SecurityHeadersTests(DemoHostFixture fixture) : IClassFixture<DemoHostFixture>
{
    TestHost Host => fixture.Host;

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Planner)]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Supervisor)]
    public async Task Every_page_has_the_headers_and_no_inline_script(string? role)
    {
        var client = role is null ? Host.Client() : await Host.SignedInClientAsync(role);
        var pages = await PageUrlsAsync();
        var rendered = 0;
        foreach (var url in pages)
        {
            var response = await client.GetAsync(url);
            AssertHardened(response, url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            rendered++;
            var html = await response.Content.ReadAsStringAsync();
            Assert.False(InlineScript().IsMatch(html), $"{url}: inline <script> without src");
            Assert.False(InlineHandler().IsMatch(html), $"{url}: inline event handler {InlineHandler().Match(html).Value}");
            Assert.False(StyleAttribute().IsMatch(html), $"{url}: style attribute {StyleAttribute().Match(html).Value}");
        }
        Assert.True(rendered >= (role is null ? 3 : 8), $"only {rendered} pages rendered for {role ?? "anonymous"}");
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/lib/htmx/htmx.min.js")]
    [InlineData("/no-such-page")]
    [InlineData("/Error")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/v1/public/items?page=0")]
    [InlineData("/api/v1/public/draws/nothing/record")]
    [InlineData("/api/v1/me")]
    public async Task Static_files_errors_and_the_api_have_the_headers_too(string url)
    {
        AssertHardened(await Host.Client().GetAsync(url), url);
    }

    [Fact]
    public async Task A_failing_request_keeps_the_headers()
    {
        var client = await Host.SignedInClientAsync(Roles.Planner);
        // A body that is not JSON: the API's exception handler answers, after clearing the response.
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/departments")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "RequestVerificationToken", await TestHost.AntiforgeryTokenAsync(client, "/Staff") } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertHardened(response, "bad json");
    }

    [Fact]
    public async Task A_cookie_caller_needs_the_antiforgery_header_on_the_api_and_a_bearer_caller_does_not()
    {
        var planner = await Host.SignedInClientAsync(Roles.Planner);
        var code = "CSRF" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        var forged = await planner.PostAsJsonAsync("/api/v1/departments", new { code, name = "跨站请求部门" });
        var token = await TestHost.AntiforgeryTokenAsync(planner, "/Staff");
        var wrongToken = await SendWithTokenAsync(planner, token[..^4] + "AAAA", code);
        var genuine = await SendWithTokenAsync(planner, token, code);
        var userName = "csrf-bearer-" + Guid.NewGuid().ToString("N")[..8];
        await Host.CreateUserAsync(userName, Roles.Planner);
        var bearer = await Host.BearerClient(await Host.IssueTokenAsync(userName))
            .PostAsJsonAsync("/api/v1/departments", new { code = code + "B", name = "令牌调用部门" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("RequestVerificationToken", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Departments.CountAsync(d => d.Code == code)); // the forged request saved nothing
    }

    [Fact]
    public async Task A_cookie_upload_without_the_token_is_refused_before_the_file_is_read()
    {
        var officer = await Host.SignedInClientAsync(Roles.Officer);
        var form = new MultipartFormDataContent { { new ByteArrayContent([0x25, 0x50, 0x44, 0x46]), "file", "a.pdf" } };

        var response = await officer.PostAsync("/api/v1/tasks/1/evidence", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }

    static async Task<HttpResponseMessage> SendWithTokenAsync(HttpClient client, string token, string code) =>
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/departments")
        {
            Content = JsonContent.Create(new { code, name = "跨站请求部门" }),
            Headers = { { "RequestVerificationToken", token } },
        });

    static void AssertHardened(HttpResponseMessage response, string what)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
        var csp = Header("Content-Security-Policy");
        Assert.False(csp.Length == 0, $"{what}: no Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scripts);
        Assert.DoesNotContain("unsafe-eval", scripts);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("same-origin", Header("Referrer-Policy"));
    }

    /// <summary>Every page route (GET), with real demo ids where a page shows one record.</summary>
    async Task<List<string>> PageUrlsAsync()
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var enterprise = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var officer = await db.Officers.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var task = await db.InspectionTasks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var evidence = await db.EvidenceFiles.OrderBy(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync();
        var item = await db.InspectionItems.OrderBy(i => i.Id).Select(i => i.Code).FirstAsync();
        var plan = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var draw = await db.DrawSessions.IgnoreAutoIncludes().OrderBy(d => d.Id).Select(d => d.DrawId).FirstAsync();
        var endpoints = Host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var paths = endpoints.Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath).OfType<string>().Distinct();
        return [.. paths.Select(path => path.EndsWith("/Index", StringComparison.Ordinal) ? path[..^"Index".Length] : path)
            .Select(path => path switch
            {
                "/Staff/Enterprises/Details" or "/Staff/Enterprises/Edit" => $"{path}/{enterprise}",
                "/Staff/Officers/Details" or "/Staff/Officers/Edit" => $"{path}/{officer}",
                "/Staff/Tasks/Details" or "/Staff/Reviews/Review" => $"{path}/{task}",
                "/Staff/Tasks/Evidence" => $"{path}/{evidence}",
                "/Staff/Items/Details" or "/Staff/Items/Edit" => $"{path}?code={Uri.EscapeDataString(item)}",
                "/Staff/Plans/Edit" => $"{path}?id={plan}",
                "/Staff/Draws/" => $"{path}?planId={plan}",
                "/Staff/Draws/Details" => $"{path}?drawId={Uri.EscapeDataString(draw)}",
                _ => path,
            })];
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    /// <summary>Any style attribute but the validation summary's hidden placeholder (hidden by site.css as well).</summary>
    [GeneratedRegex(@"<(?!li style=""display:none"">)[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
