using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Concurrency;

/// <summary>The version travels with an edit: ETag / If-Match on the API, a hidden field in the form (issue 9, lost updates).</summary>
public abstract class StaleEditTests(HostFixture fixture)
{
    static object Body(string uscc, string phone) => new
    {
        name = "版本测试企业" + uscc[^6..], uscc, regionCode = "411721", address = "西平县", tags = "煤炭经营", riskClass = "B",
        status = "存续", contactPhone = phone,
    };

    [SkippableFact]
    public async Task The_api_refuses_an_edit_made_on_an_older_etag_and_returns_both_values()
    {
        var host = fixture.RequireHost();
        var name = "planner-etag-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(name, Roles.Planner);
        var api = host.BearerClient(await host.IssueTokenAsync(name));
        var uscc = DemoData.UsccFor(8000 + Random.Shared.Next(999)).Value;
        var created = await api.PostAsJsonAsync("/api/v1/enterprises", Body(uscc, "0396-1"));
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();

        var read = await api.GetAsync($"/api/v1/enterprises/{id}");
        var etag = read.Headers.ETag!;
        Assert.Equal("\"0\"", etag.Tag);

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/enterprises/{id}") { Content = JsonContent.Create(Body(uscc, "0396-2")) };
        first.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(first)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/enterprises/{id}") { Content = JsonContent.Create(Body(uscc, "0396-3")) };
        stale.Headers.IfMatch.Add(etag);
        var refused = await api.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("concurrency.stale", problem["code"]!.GetValue<string>());
        var conflict = problem["conflicts"]!.AsArray().Single()!;
        Assert.Equal(("contactPhone", "联系电话", "0396-2", "0396-3"), (conflict["field"]!.GetValue<string>(), conflict["label"]!.GetValue<string>(),
            conflict["current"]!.GetValue<string>(), conflict["submitted"]!.GetValue<string>()));

        var now = await api.GetAsync($"/api/v1/enterprises/{id}");
        Assert.Equal("\"1\"", now.Headers.ETag!.Tag);
        Assert.Contains("0396-2", await now.Content.ReadAsStringAsync());

        var garbage = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/enterprises/{id}") { Content = JsonContent.Create(Body(uscc, "0396-4")) };
        garbage.Headers.TryAddWithoutValidation("If-Match", "\"abc\"");
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync(garbage)).StatusCode);
    }

    [SkippableFact]
    public async Task A_stale_form_shows_the_other_persons_value_beside_yours_and_saves_nothing()
    {
        var host = fixture.RequireHost();
        var a = await host.SignedInClientAsync(Roles.Planner);
        var b = await host.SignedInClientAsync(Roles.Planner);
        var uscc = DemoData.UsccFor(9000 + Random.Shared.Next(999)).Value;
        var name = "planner-form-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(name, Roles.Planner);
        var api = host.BearerClient(await host.IssueTokenAsync(name));
        var created = await api.PostAsJsonAsync("/api/v1/enterprises", Body(uscc, "0396-1"));
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        var page = $"/Staff/Enterprises/Edit/{id}";

        // Both open the form (version 0); A saves first, then B.
        var formA = await FormAsync(a, page, uscc);
        var formB = await FormAsync(b, page, uscc);
        formA["Input.ContactPhone"] = "0396-A";
        formB["Input.ContactPhone"] = "0396-B";
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostAsync(page, new FormUrlEncodedContent(formA))).StatusCode);
        var second = await b.PostAsync(page, new FormUrlEncodedContent(formB));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("id=\"edit-conflicts\"", html);
        Assert.Contains("<td>联系电话</td><td>0396-A</td><td>0396-B</td>", html);
        Assert.Contains("name=\"Input.ExpectedVersion\" value=\"1\"", html);
        Assert.Contains("0396-A", await api.GetStringAsync($"/api/v1/enterprises/{id}"));
    }

    /// <summary>The form as the person saw it: the version in its hidden field, the values as stored.</summary>
    static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string page, string uscc)
    {
        var html = await client.GetStringAsync(page);
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.ExpectedVersion\" value=\"(\\d+)\"").Groups[1].Value;
        return new Dictionary<string, string>
        {
            ["Input.Name"] = "版本测试企业" + uscc[^6..], ["Input.Uscc"] = uscc, ["Input.RegionCode"] = "411721", ["Input.Address"] = "西平县",
            ["Input.Tags"] = "煤炭经营", ["Input.RiskClass"] = "B", ["Input.Status"] = "存续", ["Input.ContactPhone"] = "0396-1",
            ["Input.ExpectedVersion"] = version, ["__RequestVerificationToken"] = await TestHost.AntiforgeryTokenAsync(client, page),
        };
    }
}

public sealed class SqliteStaleEditTests(SqliteHostFixture f) : StaleEditTests(f), IClassFixture<SqliteHostFixture>;

public sealed class PostgresStaleEditTests(PostgresHostFixture f) : StaleEditTests(f), IClassFixture<PostgresHostFixture>;
