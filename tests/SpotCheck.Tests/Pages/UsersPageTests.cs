using System.Net;
using System.Text.RegularExpressions;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Pages;

/// <summary>The users admin page: create with Identity's rules, change roles, issue a token shown once.</summary>
public sealed partial class UsersPageTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    TestHost Host => fixture.Host!;

    static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [Fact]
    public async Task Admin_creates_a_user_changes_roles_and_issues_a_token_the_api_accepts()
    {
        var admin = await Host.SignedInClientAsync(Roles.Admin);
        var token = await TestHost.AntiforgeryTokenAsync(admin, "/Admin/Users");
        var name = "page-" + Guid.NewGuid().ToString("N")[..8];

        var weak = await admin.PostAsync("/Admin/Users?handler=Create",
            Form(token, ("Input.UserName", name), ("Input.Role", Roles.Officer), ("Input.Password", "weak")));
        var created = await admin.PostAsync("/Admin/Users?handler=Create",
            Form(token, ("Input.UserName", name), ("Input.DisplayName", "王检查"), ("Input.Role", Roles.Officer), ("Input.Password", TestHost.Password)));
        var roles = await admin.PostAsync("/Admin/Users?handler=Roles",
            Form(token, ("userName", name), ("roles", Roles.Officer), ("roles", Roles.Reviewer)));
        var issued = await admin.PostAsync("/Admin/Users?handler=Token", Form(token, ("userName", name)));
        var issuedHtml = await issued.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("密码至少需要 10 个字符", await weak.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, roles.StatusCode);
        var plain = IssuedToken().Match(issuedHtml).Groups[1].Value;
        Assert.StartsWith(ApiTokenSecret.Prefix, plain);
        var me = await Host.BearerClient(plain).GetStringAsync("/api/v1/me");
        Assert.Contains("\"roles\":[\"Officer\",\"Reviewer\"]", me);
        Assert.DoesNotContain(plain, await admin.GetStringAsync("/Admin/Users")); // shown once only
    }

    [GeneratedRegex("<code id=\"issued-token\">([^<]+)</code>")]
    private static partial Regex IssuedToken();
}
