using System.Net;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Security;

/// <summary>Deny by default: anonymous → login / 401, wrong role → 403, right role → 200, on pages and API.</summary>
public abstract class AccessRulesTests(HostFixture fixture)
{
    public static TheoryData<string, string, bool> PageMatrix() => new()
    {
        { "/Staff", Roles.Officer, true },
        { "/Staff", Roles.Supervisor, true },
        { "/Admin/Users", Roles.Admin, true },
        { "/Admin/Users", Roles.Planner, false },
        { "/Admin/Users", Roles.Officer, false },
        { "/Admin/Users", Roles.Reviewer, false },
        { "/Admin/Users", Roles.Supervisor, false },
        { "/Audit", Roles.Supervisor, true },
        { "/Audit", Roles.Admin, true },
        { "/Audit", Roles.Planner, false },
        { "/Audit", Roles.Officer, false },
        { "/Audit", Roles.Reviewer, false },
    };

    [SkippableTheory]
    [MemberData(nameof(PageMatrix))]
    public async Task Page_allows_exactly_its_roles(string path, string role, bool allowed)
    {
        var host = fixture.RequireHost();
        var client = await host.SignedInClientAsync(role);

        var response = await client.GetAsync(path);

        if (allowed) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
            var denied = await client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }

    [SkippableTheory]
    [InlineData("/Staff")]
    [InlineData("/Staff/Items")]
    [InlineData("/Admin/Users")]
    [InlineData("/Audit")]
    public async Task Anonymous_staff_page_redirects_to_login(string path)
    {
        var host = fixture.RequireHost();

        var response = await host.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login?ReturnUrl=", response.Headers.Location!.OriginalString);
    }

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/v1/public/items")]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css")]
    [InlineData("/lib/htmx/htmx.min.js")]
    [InlineData("/scalar/")]
    public async Task Public_paths_are_anonymous(string path)
    {
        var host = fixture.RequireHost();

        var response = await host.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string, bool> ApiMatrix() => new()
    {
        { "/api/v1/me", Roles.Officer, true },
        { "/api/v1/me", Roles.Reviewer, true },
        { "/api/v1/users", Roles.Admin, true },
        { "/api/v1/users", Roles.Planner, false },
        { "/api/v1/users", Roles.Officer, false },
        { "/api/v1/users", Roles.Reviewer, false },
        { "/api/v1/users", Roles.Supervisor, false },
    };

    [SkippableTheory]
    [MemberData(nameof(ApiMatrix))]
    public async Task Api_allows_exactly_its_roles_with_a_bearer_token(string path, string role, bool allowed)
    {
        var host = fixture.RequireHost();
        var userName = "api-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(userName, role);
        var client = host.BearerClient(await host.IssueTokenAsync(userName));

        var response = await client.GetAsync(path);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        if (!allowed) await AssertBareProblemAsync(response, 403);
    }

    [SkippableFact]
    public async Task Api_accepts_the_login_cookie_too()
    {
        var host = fixture.RequireHost();
        var client = await host.SignedInClientAsync(Roles.Planner);

        var me = await client.GetStringAsync("/api/v1/me");

        Assert.Contains("\"roles\":[\"Planner\"]", me);
    }

    [SkippableTheory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/users")]
    public async Task Anonymous_api_call_gets_401_problem_without_data(string path)
    {
        var host = fixture.RequireHost();

        var response = await host.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertBareProblemAsync(response, 401);
    }

    [SkippableFact]
    public async Task Revoked_and_unknown_tokens_get_401()
    {
        var host = fixture.RequireHost();
        var userName = "revoke-" + Guid.NewGuid().ToString("N")[..8];
        await host.CreateUserAsync(userName, Roles.Admin);
        var token = await host.IssueTokenAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await host.BearerClient(token).GetAsync("/api/v1/users")).StatusCode);

        await host.RevokeTokensAsync(userName);
        var revoked = await host.BearerClient(token).GetAsync("/api/v1/users");
        var unknown = await host.BearerClient(ApiTokenSecret.NewToken()).GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        await AssertBareProblemAsync(revoked, 401);
        Assert.Equal("Bearer", revoked.Headers.WwwAuthenticate.Single().Scheme);
    }

    static async Task AssertBareProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"status\":{status}", body);
        Assert.DoesNotContain("\"items\"", body);
        Assert.DoesNotContain("userName", body);
    }
}

public sealed class SqliteAccessRulesTests(SqliteHostFixture f) : AccessRulesTests(f), IClassFixture<SqliteHostFixture>;

public sealed class PostgresAccessRulesTests(PostgresHostFixture f) : AccessRulesTests(f), IClassFixture<PostgresHostFixture>;
