using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Identity;

namespace SpotCheck.Tests.TestSupport;

/// <summary>A running host on its own storage plus helpers to create users, log in and issue tokens.</summary>
public sealed partial class TestHost : IAsyncDisposable
{
    public const string Password = "Test-Passw0rd";

    readonly TestStorage _storage;

    TestHost(TestStorage storage, SpotCheckFactory factory)
    {
        _storage = storage;
        Factory = factory;
    }

    public SpotCheckFactory Factory { get; }
    public TestStorage Storage => _storage;

    /// <summary>The host's clock (a fake one when the fixture gave one).</summary>
    public TimeProvider Clock => Factory.Services.GetRequiredService<TimeProvider>();

    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Today in Beijing by the host's clock: the day the host validates dates against.</summary>
    public DateOnly Today => SpotCheck.Core.Plans.DrawClock.Today(Clock.GetUtcNow());

    /// <summary>Null when the provider is PostgreSQL and no server is configured (and none is required).</summary>
    public static async Task<TestHost?> StartAsync(DbProvider provider, bool demo = false, TimeProvider? clock = null)
    {
        var storage = await TestStorage.CreateAsync(provider);
        if (storage is null) return null;
        var factory = new SpotCheckFactory(storage, demo, clock);
        _ = factory.Server; // starts the host: migrations, roles, demo data
        // Program.Main returning before app.Run (e.g. a start-up check refusing) still hands back a host, unstarted.
        Assert.True(factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested,
            "the host returned from Main without starting");
        return new TestHost(storage, factory);
    }

    /// <summary>As <see cref="StartAsync"/>, but a missing optional PostgreSQL skips the test.</summary>
    public static async Task<TestHost> StartOrSkipAsync(DbProvider provider, bool demo = false)
    {
        var host = await StartAsync(provider, demo);
        Skip.If(host is null, TestStorage.NotConfigured);
        return host!;
    }

    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<AppUser> CreateUserAsync(string userName, string role)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>()
            .HandleAsync(new CreateUser.Command(userName, role, Password, "test"), CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    /// <summary>A new Officer user linked to the directory's officer (it sees that officer's tasks).</summary>
    public async Task<string> CreateOfficerUserAsync(int officerId)
    {
        var userName = "officer-" + Guid.NewGuid().ToString("N")[..8];
        await CreateUserAsync(userName, Roles.Officer);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpotCheck.Core.Data.AppDbContext>();
        (await db.Users.SingleAsync(u => u.UserName == userName)).OfficerId = officerId;
        await db.SaveChangesAsync();
        return userName;
    }

    /// <summary>That officer's user, signed in through the login form.</summary>
    public async Task<HttpClient> SignedInOfficerAsync(int officerId)
    {
        var userName = await CreateOfficerUserAsync(officerId);
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoginAsync(client, userName, Password)).StatusCode);
        return client;
    }

    public async Task<string> IssueTokenAsync(string userName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IssueApiToken.Handler>()
            .HandleAsync(new IssueApiToken.Command(userName, "test"), CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    public async Task RevokeTokensAsync(string userName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RevokeApiTokens.Handler>()
            .HandleAsync(new RevokeApiTokens.Command(userName, "test"), CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    public HttpClient BearerClient(string token)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a user with the role and signs in through the login form; the client keeps the cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role)
    {
        var userName = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..8];
        await CreateUserAsync(userName, role);
        var client = Client();
        var response = await PostLoginAsync(client, userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A page refused by its policy: the redirect to the access-denied page (never the page itself).</summary>
    public static void AssertAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _storage.DisposeAsync();
    }
}
