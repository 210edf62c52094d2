using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SpotCheck.Core.Demo;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Identity;
using SpotCheck.Hosting;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Portal;

/// <summary>
/// Public answers rendered once per state generation (Hosting/PublicPageCache): what a visitor reads is never older
/// than the last change on this instance, everyone reads the same bytes, and signed-in staff are never served a copy.
/// </summary>
public sealed class PortalCacheTests : IAsyncLifetime
{
    TestHost _host = null!;

    public async Task InitializeAsync() => _host = (await TestHost.StartAsync(DbProvider.Sqlite))!;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    async Task<string> HeadHashAsync() =>
        JsonNode.Parse(await _host.Client().GetStringAsync("/api/v1/public/audit/head"))!["hash"]!.GetValue<string>();

    async Task AddEnterpriseAsync(int serial)
    {
        var userName = "planner-cache-" + serial;
        await _host.CreateUserAsync(userName, Roles.Planner);
        var planner = _host.BearerClient(await _host.IssueTokenAsync(userName));
        var saved = await planner.PostAsJsonAsync("/api/v1/enterprises", new
        {
            name = "缓存测试企业" + serial, uscc = DemoData.UsccFor(serial).Value, regionCode = "411721", address = "西平县",
            tags = "", riskClass = "B", status = "存续",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    [Fact]
    public async Task A_change_on_this_instance_is_on_the_next_public_answer()
    {
        var before = await _host.Client().GetStringAsync("/public/audit");
        var again = await _host.Client().GetStringAsync("/public/audit");
        Assert.Equal(before, again);

        await AddEnterpriseAsync(8101);
        var head = await HeadHashAsync();
        var after = await _host.Client().GetStringAsync("/public/audit");

        Assert.DoesNotContain(head, before);
        Assert.Contains(head, after);
    }

    [Fact]
    public async Task Simultaneous_visitors_get_the_same_complete_answer()
    {
        await AddEnterpriseAsync(8102);
        var client = _host.Client();
        using var start = new SemaphoreSlim(0);
        var reads = Enumerable.Range(0, 24).Select(async _ =>
        {
            await start.WaitAsync();
            var response = await client.GetAsync("/public/items");
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(reads.Count);
        var answers = await Task.WhenAll(reads);

        Assert.All(answers, a => Assert.Equal(200, a.Item1));
        Assert.Single(answers.Select(a => a.Item2).Distinct());
        Assert.EndsWith("</html>", answers[0].Item2.TrimEnd());
    }

    [Fact]
    public async Task A_client_that_accepts_gzip_gets_the_same_page_compressed()
    {
        var plain = await _host.Client().GetStringAsync("/public/items");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/public/items");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");

        var response = await _host.Client().SendAsync(request);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        await using var unzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        Assert.Equal(plain, await new StreamReader(unzip).ReadToEndAsync());
    }

    [Fact]
    public async Task Signed_in_staff_and_errors_are_never_kept()
    {
        var admin = await _host.SignedInClientAsync(Roles.Admin);
        await AddEnterpriseAsync(8103);
        var cache = _host.Factory.Services.GetRequiredService<PublicPageCache>();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/public/items")).StatusCode);
        var missing = await _host.Client().GetAsync("/public/results/batches/GS-0000-9999");
        var keptAfterStaffAndError = cache.Count;
        Assert.Equal(HttpStatusCode.OK, (await _host.Client().GetAsync("/public/items")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, keptAfterStaffAndError);
        Assert.Equal(1, cache.Count);
    }
}
