using System.Net;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Ops;

/// <summary>Production settings: no migration at start (db migrate first), and forwarded headers from a trusted proxy.</summary>
[Trait("Category", "Crash")]
public sealed class DeploymentTests
{
    [Fact]
    public async Task With_migration_at_start_off_a_behind_schema_stops_the_start_until_db_migrate_ran()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        var start = await SpotcheckCli.RunAsync(null, ["serve", "--urls", "http://127.0.0.1:0", .. SpotcheckCli.StorageArgs(storage), "--SpotCheck:MigrateAtStart=false"]);
        Assert.NotEqual(0, start.ExitCode);
        Assert.Contains("请先运行 spotcheck db migrate", start.Stdout + start.Stderr, StringComparison.Ordinal);

        Assert.Matches("^applied [1-9][0-9]* migrations: ", await SpotcheckCli.SucceedAsync(null, ["db", "migrate", .. SpotcheckCli.StorageArgs(storage)]));
        Assert.Equal("schema up to date", await SpotcheckCli.SucceedAsync(null, ["db", "migrate", .. SpotcheckCli.StorageArgs(storage)]));
        await SpotcheckCli.SucceedAsync(TestHost.Password, ["users", "add", "admin", "--role", "Admin", "--password-stdin", .. SpotcheckCli.StorageArgs(storage)]);

        await using var server = new CrashServer(storage);
        await server.StartAsync(false, "--SpotCheck:MigrateAtStart=false", "--SpotCheck:TrustedProxies=127.0.0.1");
        using var client = server.Client();
        var token = await TestHost.AntiforgeryTokenAsync(client, "/Account/Login");
        using var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "admin", ["Input.Password"] = TestHost.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        login.Headers.Add("X-Forwarded-Proto", "https");
        login.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The proxy said https: the session cookie is marked Secure (CookieSecurePolicy.SameAsRequest).
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}
