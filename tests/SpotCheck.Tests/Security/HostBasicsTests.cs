using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Security;

public abstract class HostBasicsTests(HostFixture fixture)
{
    [SkippableFact]
    public async Task Healthz_checks_the_database_and_returns_200()
    {
        var host = fixture.RequireHost();

        var response = await host.Client().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task OpenApi_declares_security_on_every_operation_and_leaves_it_empty_only_on_public_ones()
    {
        var host = fixture.RequireHost();

        var doc = JsonNode.Parse(await host.Client().GetStringAsync("/openapi/v1.json"))!;

        Assert.Equal("bearer", doc["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>());
        var operations = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Op: o.Value!)))
            .ToList();
        Assert.Contains(operations, o => o.Path == "/api/v1/users");
        foreach (var (path, method, op) in operations)
        {
            var security = op["security"] as JsonArray;
            Assert.True(security is not null, $"{method} {path} declares no security");
            if (path.StartsWith("/api/v1/public/", StringComparison.Ordinal)) Assert.Empty(security);
            else Assert.Contains(security, r => r!.AsObject().ContainsKey("Bearer"));
        }
    }

    [SkippableFact]
    public void Every_page_and_endpoint_has_an_explicit_rule()
    {
        var host = fixture.RequireHost();
        var endpoints = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var implicitOnly = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            .Select(e => e.DisplayName)
            .ToList();

        Assert.Empty(implicitOnly);
        Assert.True(endpoints.Count > 10);
    }

    [SkippableFact]
    public async Task Form_post_without_antiforgery_token_is_rejected()
    {
        var host = fixture.RequireHost();
        var userName = "csrf-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(userName, Roles.Admin);

        var response = await host.Client().PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = TestHost.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
                     && cookies.Any(c => c.StartsWith("spotcheck.auth=", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Account_locks_after_five_wrong_passwords()
    {
        var host = fixture.RequireHost();
        var userName = "lock-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(userName, Roles.Officer);
        var client = host.Client();

        for (var i = 0; i < IdentitySetup.MaxFailedAccessAttempts; i++)
        {
            var wrong = await TestHost.PostLoginAsync(client, userName, "Wrong-Passw0rd");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await TestHost.PostLoginAsync(client, userName, TestHost.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the form again, not the redirect of a successful login
        Assert.Contains("用户名或密码不正确", await right.Content.ReadAsStringAsync()); // the same answer as for a wrong password
    }

    [SkippableFact]
    public async Task Correct_login_redirects_to_the_workbench_and_shows_the_user()
    {
        var host = fixture.RequireHost();
        var client = await host.SignedInClientAsync(Roles.Reviewer);

        var page = await client.GetStringAsync("/Staff");

        Assert.Contains("工作台", page);
        Assert.Contains("id=\"current-user\">reviewer-", page);
        Assert.DoesNotContain("/Admin/Users", page); // navigation by role
    }

    [SkippableFact]
    public async Task Public_items_api_is_paged_and_clamps_page_size_to_100()
    {
        var host = fixture.RequireHost();

        var body = JsonNode.Parse(await host.Client().GetStringAsync("/api/v1/public/items?page=1&pageSize=1000"))!;
        var bad = await host.Client().GetAsync("/api/v1/public/items?page=0");

        Assert.Equal(100, body["pageSize"]!.GetValue<int>());
        Assert.NotNull(body["total"]);
        Assert.IsType<JsonArray>(body["items"]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"page\"", await bad.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task User_creation_role_changes_and_tokens_are_in_the_audit_log()
    {
        var host = fixture.RequireHost();
        var userName = "audited-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(userName, Roles.Officer);
        await host.IssueTokenAsync(userName);
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<SetUserRoles.Handler>()
                .HandleAsync(new SetUserRoles.Command(userName, [Roles.Officer, Roles.Reviewer], "test"), CancellationToken.None);
            Assert.True(result.IsSuccess);
        }
        var admin = await host.SignedInClientAsync(Roles.Supervisor);

        var created = await admin.GetStringAsync("/Audit?type=USER_CREATED");
        var roles = await admin.GetStringAsync("/Audit?type=USER_ROLES_CHANGED");
        var tokens = await admin.GetStringAsync("/Audit?type=API_TOKEN_ISSUED");

        Assert.Contains(userName, created);
        Assert.Contains(userName, roles);
        Assert.Contains(userName, tokens);
    }
}

public sealed class SqliteHostBasicsTests(SqliteHostFixture f) : HostBasicsTests(f), IClassFixture<SqliteHostFixture>;

public sealed class PostgresHostBasicsTests(PostgresHostFixture f) : HostBasicsTests(f), IClassFixture<PostgresHostFixture>;
