using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;
using Xunit.Abstractions;

namespace SpotCheck.Tests.Security;

/// <summary>
/// SPEC §1 as one table: every endpoint of the app's own route table (API routes with each HTTP method, Razor pages
/// with each handler) × every role and anonymous. A route missing from the table fails, so no route ships without a
/// rule. "Allowed" means the authorization layer let the request through (anything but 401/403/the login or
/// access-denied redirect) with harmless inputs (ids that do not exist, empty forms); it must not be a 5xx either.
/// API calls use a bearer token, pages a login cookie with a valid antiforgery token.
/// </summary>
public abstract partial class AuthorizationMatrixTests(HostFixture fixture, ITestOutputHelper output)
{
    const string A = Roles.Admin, P = Roles.Planner, O = Roles.Officer, R = Roles.Reviewer, S = Roles.Supervisor;

    /// <summary>Who may call a route. A department scope (issue 12) becomes a second column here.</summary>
    sealed record Rule(bool Anonymous, params string[] Roles)
    {
        public bool Allows(string? role) => role is null ? Anonymous : Anonymous || Roles.Contains(role);
    }

    static readonly Rule Public = new(true);
    static readonly Rule Staff = new(false, A, P, O, R, S);
    static readonly Rule AdminOnly = new(false, A);
    static readonly Rule Editors = new(false, A, P);
    static readonly Rule Planner = new(false, P);
    static readonly Rule DrawParties = new(false, P, S);
    static readonly Rule Reviewer = new(false, R);
    static readonly Rule PlannerOrReviewer = new(false, P, R);
    static readonly Rule Officer = new(false, O);
    static readonly Rule OfficerOrPlanner = new(false, O, P);
    static readonly Rule Auditors = new(false, A, S);
    static readonly Rule NoticeIssuers = new(false, A, P, R, O);
    static readonly Rule ResultExporters = new(false, R, S);

    /// <summary>
    /// The one declared table. API and other endpoints: "METHOD /route"; pages: "METHOD page[?handler=Name]"
    /// (page = its path under Pages, as in the links).
    /// </summary>
    static readonly Dictionary<string, Rule> Table = new(StringComparer.Ordinal)
    {
        // Platform
        ["GET /healthz"] = Public,
        ["GET /openapi/{documentName}.json"] = Public,
        ["GET /scalar/{documentName?}"] = Public,
        ["GET /scalar/scalar.js"] = Public,
        ["GET /scalar/scalar.aspnetcore.js"] = Public,
        ["GET /scalar/favicon.svg"] = Public,

        // Public API: anonymous reads of published facts only.
        ["GET /api/v1/public/items"] = Public,
        ["GET /api/v1/public/plans"] = Public,
        ["GET /api/v1/public/draws"] = Public,
        ["GET /api/v1/public/draws/{drawId}/record"] = Public,
        ["GET /api/v1/public/audit/head"] = Public,
        ["GET /api/v1/public/results"] = Public,
        ["GET /api/v1/public/results/export"] = Public,

        ["GET /api/v1/me"] = Staff,
        ["GET /api/v1/users/"] = AdminOnly,

        // Lists and directories: staff read; Admin and Planner edit; only the Admin overrides a USCC (in the body).
        ["GET /api/v1/items/"] = Staff,
        ["GET /api/v1/items/{id:int}"] = Staff,
        ["POST /api/v1/items/"] = Editors,
        ["POST /api/v1/items/{id:int}/publish"] = Editors,
        ["GET /api/v1/enterprises/"] = Staff,
        ["GET /api/v1/enterprises/{id:int}"] = Staff,
        ["POST /api/v1/enterprises/"] = Editors,
        ["PUT /api/v1/enterprises/{id:int}"] = Editors,
        ["GET /api/v1/officers/"] = Staff,
        ["POST /api/v1/officers/"] = Editors,
        ["PUT /api/v1/officers/{id:int}"] = Editors,
        ["POST /api/v1/officers/{id:int}/conflicts/{conflictId:int}/withdraw"] = Editors,
        ["GET /api/v1/departments/"] = Staff,
        ["POST /api/v1/departments/"] = Editors,

        // Plans and the ceremony: the Planner organises, the Supervisor is the second party; nobody else sees an
        // unpublished draw.
        ["GET /api/v1/plans/"] = Staff,
        ["GET /api/v1/plans/{id:int}"] = Staff,
        ["POST /api/v1/plans/"] = Planner,
        ["POST /api/v1/plans/{id:int}/publish"] = Planner,
        ["POST /api/v1/plans/{id:int}/close"] = Planner,
        ["GET /api/v1/draws/"] = DrawParties,
        ["GET /api/v1/draws/{drawId}"] = DrawParties,
        ["GET /api/v1/draws/{drawId}/record"] = DrawParties,
        ["POST /api/v1/plans/{planId:int}/draws"] = Planner,
        ["POST /api/v1/draws/{drawId}/run"] = Planner,
        ["POST /api/v1/draws/{drawId}/void"] = Planner,
        ["POST /api/v1/draws/{drawId}/publish"] = Planner,
        ["POST /api/v1/draws/{drawId}/commit"] = DrawParties,
        ["POST /api/v1/draws/{drawId}/public-randomness"] = DrawParties,
        ["POST /api/v1/draws/{drawId}/reveal"] = DrawParties,

        // Tasks: staff read what the use cases let them see; officers record; planners change teams; reviewers
        // review (not the Admin); a Reviewer or Supervisor never withdraws anyone.
        ["GET /api/v1/tasks/"] = Staff,
        ["GET /api/v1/tasks/{id:int}"] = Staff,
        ["POST /api/v1/tasks/"] = Planner,
        ["GET /api/v1/tasks/{id:int}/record"] = Staff,
        ["PUT /api/v1/tasks/{id:int}/record"] = Officer,
        ["POST /api/v1/tasks/{id:int}/confirm"] = Officer,
        ["POST /api/v1/tasks/{id:int}/submit"] = Officer,
        ["POST /api/v1/tasks/{id:int}/withdraw"] = OfficerOrPlanner,
        ["POST /api/v1/tasks/{id:int}/frame-error"] = Planner,
        ["POST /api/v1/tasks/{id:int}/members"] = Planner,
        ["GET /api/v1/tasks/{id:int}/evidence"] = Staff,
        ["POST /api/v1/tasks/{id:int}/evidence"] = Officer,
        ["GET /api/v1/tasks/evidence/{evidenceId:int}"] = Staff,
        ["POST /api/v1/tasks/{id:int}/approve"] = Reviewer,
        ["POST /api/v1/tasks/{id:int}/return"] = Reviewer,
        ["GET /api/v1/tasks/{id:int}/notices/"] = Staff,
        ["GET /api/v1/tasks/{id:int}/notices/{kind}"] = Staff,
        ["POST /api/v1/tasks/{id:int}/notices/{kind}"] = NoticeIssuers,
        ["POST /api/v1/tasks/{id:int}/objections"] = PlannerOrReviewer,
        ["POST /api/v1/tasks/followups/{followUpId:int}/close"] = PlannerOrReviewer,
        ["POST /api/v1/tasks/objections/{objectionId:int}/resolve"] = Reviewer,

        // 一公开: reviewers publish and correct results; every member of staff sees the publication clock.
        ["POST /api/v1/publications"] = Reviewer,
        ["POST /api/v1/tasks/{id:int}/corrections"] = Reviewer,
        ["GET /api/v1/deadlines/"] = Staff,

        // Pages
        ["GET /Index"] = Public,
        ["GET /Public/Draws/Verify"] = Public,
        ["GET /Public/Items/Index"] = Public,
        ["GET /Public/Plans/Index"] = Public,
        ["GET /Public/Draws/Index"] = Public,
        ["GET /Public/Draws/Details"] = Public,
        ["GET /Public/Results/Index"] = Public,
        ["GET /Public/Results/Batch"] = Public,
        ["GET /Public/Enterprises/Details"] = Public,
        ["GET /Public/Audit/Index"] = Public,
        ["GET /Error"] = Public,
        ["POST /Error"] = Public,
        ["GET /Account/Login"] = Public,
        ["POST /Account/Login"] = Public,
        ["GET /Account/AccessDenied"] = Public,
        ["GET /Account/Logout"] = Staff,
        ["POST /Account/Logout"] = Staff,
        ["GET /Staff/Index"] = Staff,
        ["GET /Staff/Items/Index"] = Staff,
        ["GET /Staff/Items/Details"] = Staff,
        ["POST /Staff/Items/Details?handler=Publish"] = Editors,
        ["POST /Staff/Items/Details?handler=Retire"] = Editors,
        ["GET /Staff/Items/Edit"] = Editors,
        ["POST /Staff/Items/Edit"] = Editors,
        ["GET /Staff/Enterprises/Index"] = Staff,
        ["GET /Staff/Enterprises/Details"] = Staff,
        ["GET /Staff/Enterprises/Edit"] = Editors,
        ["POST /Staff/Enterprises/Edit"] = Editors,
        ["GET /Staff/Officers/Index"] = Staff,
        ["GET /Staff/Officers/Details"] = Staff,
        ["POST /Staff/Officers/Details?handler=Conflict"] = Editors,
        ["POST /Staff/Officers/Details?handler=WithdrawConflict"] = Editors,
        ["GET /Staff/Officers/Edit"] = Editors,
        ["POST /Staff/Officers/Edit"] = Editors,
        ["GET /Staff/Departments/Index"] = Staff,
        ["POST /Staff/Departments/Index"] = Editors,
        ["GET /Staff/Import/Index"] = Editors,
        ["GET /Staff/Import/Index?handler=Template"] = Editors,
        ["POST /Staff/Import/Index"] = Editors,
        ["GET /Staff/Export/Index"] = Editors,
        ["GET /Staff/Export/Index?handler=Download"] = Editors,
        ["POST /Staff/Export/Index?handler=Start"] = Editors,
        ["GET /Staff/Export/Index?handler=Status"] = Editors,
        ["POST /Staff/Export/Index?handler=Cancel"] = Editors,
        ["GET /Staff/Export/Index?handler=File"] = Editors,
        ["GET /Staff/Plans/Index"] = Staff,
        ["POST /Staff/Plans/Index?handler=Publish"] = Planner,
        ["GET /Staff/Plans/Edit"] = Planner,
        ["POST /Staff/Plans/Edit"] = Planner,
        ["GET /Staff/Draws/Index"] = DrawParties,
        ["POST /Staff/Draws/Index?handler=Freeze"] = Planner,
        ["GET /Staff/Draws/Details"] = DrawParties,
        ["GET /Staff/Draws/Details?handler=Record"] = DrawParties,
        ["POST /Staff/Draws/Details?handler=Commit"] = DrawParties,
        ["POST /Staff/Draws/Details?handler=Randomness"] = DrawParties,
        ["POST /Staff/Draws/Details?handler=Reveal"] = DrawParties,
        ["POST /Staff/Draws/Details?handler=Run"] = Planner,
        ["POST /Staff/Draws/Details?handler=Void"] = Planner,
        ["POST /Staff/Draws/Details?handler=Publish"] = Planner,
        ["GET /Staff/Tasks/Index"] = Staff,
        ["GET /Staff/Tasks/Create"] = Planner,
        ["GET /Staff/Tasks/Create?handler=Enterprises"] = Planner,
        ["POST /Staff/Tasks/Create"] = Planner,
        ["GET /Staff/Tasks/Details"] = Staff,
        ["GET /Staff/Tasks/Details?handler=Notice"] = Staff,
        ["POST /Staff/Tasks/Details?handler=Record"] = Officer,
        ["POST /Staff/Tasks/Details?handler=Confirm"] = Officer,
        ["POST /Staff/Tasks/Details?handler=Submit"] = Officer,
        ["POST /Staff/Tasks/Details?handler=Withdraw"] = Officer,
        ["POST /Staff/Tasks/Details?handler=Upload"] = Officer,
        ["POST /Staff/Tasks/Details?handler=FrameError"] = Planner,
        ["POST /Staff/Tasks/Details?handler=AddMember"] = Planner,
        ["POST /Staff/Tasks/Details?handler=Objection"] = PlannerOrReviewer,
        ["POST /Staff/Tasks/Details?handler=Resolve"] = Reviewer,
        ["POST /Staff/Tasks/Details?handler=CloseFollowUp"] = PlannerOrReviewer,
        ["POST /Staff/Tasks/Details?handler=Correct"] = Reviewer,
        ["POST /Staff/Tasks/Details?handler=IssueNotice"] = NoticeIssuers,
        ["GET /Staff/Tasks/Evidence"] = Staff,
        ["GET /Staff/Publication/Index"] = Reviewer,
        ["POST /Staff/Publication/Index"] = Reviewer,
        ["GET /Staff/Publication/Export"] = ResultExporters,
        ["GET /Staff/Publication/Export?handler=Download"] = ResultExporters,
        ["GET /Staff/Deadlines/Index"] = Staff,
        ["GET /Staff/Statistics/Index"] = Staff,
        ["GET /Staff/Statistics/Index?handler=Xlsx"] = Staff,
        ["GET /Staff/Statistics/Index?handler=Docx"] = Staff,
        ["GET /Staff/Statistics/Print"] = Staff,
        ["GET /Staff/Reviews/Index"] = Reviewer,
        ["GET /Staff/Reviews/Review"] = Reviewer,
        ["POST /Staff/Reviews/Review?handler=Approve"] = Reviewer,
        ["POST /Staff/Reviews/Review?handler=Return"] = Reviewer,
        ["GET /Audit/Index"] = Auditors,
        ["GET /Admin/Users/Index"] = AdminOnly,
        ["POST /Admin/Users/Index?handler=Create"] = AdminOnly,
        ["POST /Admin/Users/Index?handler=Roles"] = AdminOnly,
        ["POST /Admin/Users/Index?handler=Departments"] = AdminOnly,
        ["POST /Admin/Users/Index?handler=Token"] = AdminOnly,
        ["POST /Admin/Users/Index?handler=Revoke"] = AdminOnly,
        ["GET /Admin/Calendar/Index"] = AdminOnly,
        ["POST /Admin/Calendar/Index?handler=Preview"] = AdminOnly,
        ["POST /Admin/Calendar/Index?handler=Import"] = AdminOnly,
        ["GET /Admin/Demo/Index"] = AdminOnly,
        ["GET /Admin/Notices/Index"] = AdminOnly,
        ["GET /Admin/Notices/Edit"] = AdminOnly,
        ["POST /Admin/Notices/Edit"] = AdminOnly,
        ["POST /Admin/Demo/Index?handler=Remove"] = AdminOnly,
    };

    /// <summary>Harmless values for route parameters: ids that exist nowhere.</summary>
    static string Sample(string parameter) => parameter switch
    {
        "documentName" => "v1",
        "path" => "index.html",
        "kind" => "Inspection",
        "drawId" => "no-such-draw",
        _ => "987654",
    };

    sealed record Probe(string Key, string Method, string Url, bool IsApi, Rule Rule, bool Multipart = false);

    static readonly string?[] Identities = [null, A, P, O, R, S];

    [SkippableFact]
    public async Task Every_route_and_page_handler_answers_each_role_as_the_table_says()
    {
        var host = fixture.RequireHost();
        var probes = await ProbesAsync(host);
        var failures = new List<string>();
        foreach (var role in Identities)
        {
            var session = await Session.StartAsync(host, role);
            foreach (var probe in probes)
            {
                var response = await session.SendAsync(probe);
                var outcome = probe.Key == "GET /Account/AccessDenied" && response.StatusCode == HttpStatusCode.Forbidden
                    ? "allowed" // the access-denied page itself answers 403
                    : await OutcomeAsync(response, probe.IsApi);
                var expected = probe.Rule.Allows(role) ? "allowed" : role is null ? "unauthenticated" : "denied";
                if (outcome != expected)
                    failures.Add($"{role ?? "anonymous"} {probe.Method} {probe.Url} ({probe.Key}): expected {expected}, got {outcome}");
                if (probe.Key == "POST /Account/Logout") session = await Session.StartAsync(host, role);
            }
        }
        foreach (var f in failures) output.WriteLine(f);
        Assert.True(failures.Count == 0, $"{failures.Count} authorization mismatches:\n" + string.Join("\n", failures));
        Assert.True(probes.Count > 100, $"only {probes.Count} routes found");
    }

    [SkippableTheory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Planner)]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Supervisor)]
    public async Task Navigation_shows_a_role_exactly_the_pages_it_may_open(string role)
    {
        var host = fixture.RequireHost();
        var client = await host.SignedInClientAsync(role);

        var html = await client.GetStringAsync("/Staff");

        var nav = html[html.IndexOf("<nav", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];
        var shown = NavLink().Matches(nav).Select(m => m.Groups[1].Value).Where(h => h.StartsWith('/') && h != "/").ToHashSet();
        string[] linked = ["/Staff", "/Staff/Items", "/Staff/Enterprises", "/Staff/Officers", "/Staff/Departments", "/Staff/Plans", "/Staff/Draws",
            "/Staff/Tasks", "/Staff/Reviews", "/Staff/Import", "/Staff/Export", "/Audit", "/Admin/Users", "/Admin/Calendar", "/Admin/Demo"];
        var expected = linked.Where(href => Table[$"GET {PageKey(href)}"].Allows(role)).ToHashSet();
        Assert.Equal(expected.Order(), shown.Where(linked.Contains).Order());
        // Every page the navigation shows opens for the role.
        foreach (var href in shown.Where(linked.Contains))
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(href)).StatusCode);
    }

    static string PageKey(string href) => href + "/Index";

    [GeneratedRegex("href=\"([^\"#]+)\"")]
    private static partial Regex NavLink();

    async Task<List<Probe>> ProbesAsync(TestHost host)
    {
        var sources = host.Factory.Services.GetRequiredService<EndpointDataSource>();
        var loader = host.Factory.Services.GetRequiredService<PageLoader>();
        var probes = new Dictionary<string, Probe>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var url = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart s => s.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => Sample(p.Name),
                _ => "",
            }))));
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).Distinct().ToList();
                if (!handlers.Any(h => h is { Method: "GET", Name: null })) handlers.Add(("GET", null));
                foreach (var (method, name) in handlers)
                {
                    var key = $"{method} {page.ViewEnginePath}" + (name is null ? "" : $"?handler={name}");
                    var target = url + (name is null ? "" : (url.Contains('?') ? "&" : "?") + "handler=" + name);
                    Add(key, method, target, isApi: false);
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            // A form endpoint does not match a JSON body at all (415 before authorization): send it a form.
            var multipart = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
            foreach (var method in methods)
                Add($"{method} /{endpoint.RoutePattern.RawText?.TrimStart('/')}", method, url, ApiPath(url), multipart);
        }
        Assert.True(missing.Count == 0, "routes without a rule in the authorization matrix:\n" + string.Join("\n", missing.Distinct()));
        var stale = Table.Keys.Except(probes.Keys).ToList();
        Assert.True(stale.Count == 0, "rules for routes that no longer exist:\n" + string.Join("\n", stale));
        return [.. probes.Values.OrderBy(p => p.Key, StringComparer.Ordinal)];

        void Add(string key, string method, string target, bool isApi, bool multipart = false)
        {
            if (probes.ContainsKey(key)) return;
            if (!Table.TryGetValue(key, out var rule)) missing.Add(key);
            else probes[key] = new Probe(key, method, target, isApi, rule, multipart);
        }
    }

    static bool ApiPath(string url) => url.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>What the caller saw: let through, asked to sign in, or refused.</summary>
    static async Task<string> OutcomeAsync(HttpResponseMessage response, bool isApi)
    {
        var location = response.Headers.Location?.OriginalString.Replace("http://localhost", "") ?? "";
        var status = (int)response.StatusCode;
        if (status == 401 || (!isApi && status == 302 && location.StartsWith("/Account/Login", StringComparison.Ordinal)))
            return "unauthenticated";
        if (status == 403 && isApi && !(await response.Content.ReadAsStringAsync()).Contains("\"code\"", StringComparison.Ordinal))
            return "denied";
        if (!isApi && status == 302 && location.StartsWith("/Account/AccessDenied", StringComparison.Ordinal)) return "denied";
        if (status >= 500)
        {
            var body = await response.Content.ReadAsStringAsync();
            return $"server error {status}: {body[..Math.Min(body.Length, 300)]}";
        }
        if (status == 403) return "denied by the use case (403 with a code): expected the policy to decide";
        return "allowed";
    }

    /// <summary>One identity's client: bearer token for the API, login cookie and antiforgery token for pages.</summary>
    sealed class Session
    {
        HttpClient _pages = null!;
        HttpClient _api = null!;
        string _token = "";

        public static async Task<Session> StartAsync(TestHost host, string? role)
        {
            var session = new Session();
            if (role is null)
            {
                session._pages = session._api = host.Client();
                session._token = await TestHost.AntiforgeryTokenAsync(session._pages, "/Account/Login");
                return session;
            }
            session._pages = await host.SignedInClientAsync(role);
            var userName = "matrix-" + role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..8];
            await host.CreateUserAsync(userName, role);
            session._api = host.BearerClient(await host.IssueTokenAsync(userName));
            session._token = await TestHost.AntiforgeryTokenAsync(session._pages, "/Staff");
            return session;
        }

        public Task<HttpResponseMessage> SendAsync(Probe probe)
        {
            var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
            if (probe.Method is not ("GET" or "HEAD"))
                request.Content = probe.Multipart ? new MultipartFormDataContent { { new StringContent(""), "note" } }
                    : probe.IsApi ? new StringContent("{}", Encoding.UTF8, "application/json")
                    : new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", _token)]);
            return (probe.IsApi ? _api : _pages).SendAsync(request);
        }
    }
}

public sealed class SqliteAuthorizationMatrixTests(SqliteHostFixture f, ITestOutputHelper o)
    : AuthorizationMatrixTests(f, o), IClassFixture<SqliteHostFixture>;

public sealed class PostgresAuthorizationMatrixTests(PostgresHostFixture f, ITestOutputHelper o)
    : AuthorizationMatrixTests(f, o), IClassFixture<PostgresHostFixture>;
