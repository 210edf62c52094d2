using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Api;

/// <summary>The lists API end to end: writes by role, validation errors naming the field, the public view after publishing.</summary>
public abstract class ListsApiTests(HostFixture fixture)
{
    async Task<HttpClient> ClientAsync(TestHost host, string role)
    {
        var userName = role.ToLowerInvariant() + "-api-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(userName, role);
        return host.BearerClient(await host.IssueTokenAsync(userName));
    }

    static async Task<int> SavedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
    }

    static object Item(string code, int departmentId, string name) => new
    {
        code, name, enforcementBody = "测试局", legalBasis = "《测试法》第一条", departmentId, targetType = "ENTERPRISE",
        content = "检查备案情况", methods = "ONSITE;DOCUMENT", category = "GENERAL", ratioFrequencyNote = "5%，每年一次",
        effectiveFrom = "2026-01-01",
    };

    [SkippableFact]
    public async Task Planner_creates_and_publishes_an_item_which_then_shows_on_the_public_api()
    {
        var host = fixture.RequireHost();
        var planner = await ClientAsync(host, Roles.Planner);
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var department = await SavedIdAsync(await planner.PostAsJsonAsync("/api/v1/departments", new { code = "T" + suffix, name = "测试部门" + suffix }));

        var id = await SavedIdAsync(await planner.PostAsJsonAsync("/api/v1/items", Item("IT-" + suffix, department, "测试事项" + suffix)));
        var beforePublish = await host.Client().GetStringAsync("/api/v1/public/items?pageSize=100");
        var published = await planner.PostAsync($"/api/v1/items/{id}/publish", null);
        var afterPublish = await host.Client().GetStringAsync("/api/v1/public/items?pageSize=100");

        Assert.DoesNotContain("测试事项" + suffix, beforePublish);
        Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        Assert.Contains("测试事项" + suffix, afterPublish);
        Assert.Contains("《测试法》第一条", afterPublish);
        Assert.Contains("\"legalBasis\"", afterPublish);
    }

    [SkippableFact]
    public async Task Invalid_item_gets_400_naming_the_field_and_nothing_is_saved()
    {
        var host = fixture.RequireHost();
        var planner = await ClientAsync(host, Roles.Planner);
        var code = "BAD-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        var response = await planner.PostAsJsonAsync("/api/v1/items", Item(code, departmentId: 999_999, name: "无效部门事项"));
        var list = await planner.GetStringAsync("/api/v1/items?pageSize=100");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]!["departmentId"]);
        Assert.DoesNotContain(code, list);
    }

    [SkippableTheory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Supervisor)]
    public async Task Roles_without_edit_rights_may_read_but_not_write(string role)
    {
        var host = fixture.RequireHost();
        var client = await ClientAsync(host, role);

        var read = await client.GetAsync("/api/v1/enterprises?pageSize=5");
        var write = await client.PostAsJsonAsync("/api/v1/departments", new { code = "NOPE", name = "不应创建" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [SkippableTheory]
    [InlineData("/api/v1/enterprises?page=abc")]
    [InlineData("/api/v1/enterprises?pageSize=-1")]
    [InlineData("/api/v1/enterprises?riskClass=E")]
    [InlineData("/api/v1/items?status=Gone")]
    [InlineData("/api/v1/officers?page=2147483647&pageSize=100")]
    public async Task Bad_query_input_gets_a_400_problem_never_a_5xx(string url)
    {
        var host = fixture.RequireHost();
        var client = await ClientAsync(host, Roles.Reviewer);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableTheory]
    [InlineData("{not json")]
    [InlineData("{\"code\": 5, \"departmentId\": \"x\"}")]
    [InlineData("{\"code\": \"A\", \"effectiveFrom\": \"2026-13-45\"}")]
    public async Task Malformed_body_gets_a_400_problem_never_a_5xx(string body)
    {
        var host = fixture.RequireHost();
        var planner = await ClientAsync(host, Roles.Planner);

        var response = await planner.PostAsync("/api/v1/items", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Enterprise_with_a_wrong_check_character_is_refused_with_the_reason_and_only_an_admin_may_override()
    {
        var host = fixture.RequireHost();
        var planner = await ClientAsync(host, Roles.Planner);
        var admin = await ClientAsync(host, Roles.Admin);
        var valid = DemoData.UsccFor(7001).Value;
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        object Body(string? reason) => new
        {
            name = "校验位测试企业" + wrong, uscc = wrong, regionCode = "411721", address = "西平县", tags = "煤炭经营",
            riskClass = "B", status = "存续", usccOverrideReason = reason,
        };

        var refused = await planner.PostAsJsonAsync("/api/v1/enterprises", Body(null));
        var plannerOverride = await planner.PostAsJsonAsync("/api/v1/enterprises", Body("历史证照"));
        var adminOverride = await admin.PostAsJsonAsync("/api/v1/enterprises", Body("营业执照原件核对无误，历史代码"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("uscc", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, plannerOverride.StatusCode);
        var id = await SavedIdAsync(adminOverride);
        var detail = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/enterprises/{id}"))!;
        Assert.True(detail["enterprise"]!["usccOverridden"]!.GetValue<bool>());
    }
}

public sealed class SqliteListsApiTests(SqliteHostFixture f) : ListsApiTests(f), IClassFixture<SqliteHostFixture>;

public sealed class PostgresListsApiTests(PostgresHostFixture f) : ListsApiTests(f), IClassFixture<PostgresHostFixture>;
