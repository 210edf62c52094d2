using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Cli;

/// <summary>`spotcheck users add|token` as a separate process on a data directory, then the token used against the host.</summary>
public sealed class UsersCommandTests
{
    static Task<SpotcheckCli.Run> RunAsync(string? stdin, params string[] args) => SpotcheckCli.RunAsync(stdin, args);

    [Fact]
    public async Task Add_then_token_gives_a_bearer_token_the_api_accepts()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;

        var add = await RunAsync(TestHost.Password, "users", "add", "chief", "--role", "Admin", "--password-stdin", "--data-dir", storage.DataDir);
        var token = await RunAsync(null, "users", "token", "chief", "--data-dir", storage.DataDir);

        Assert.Equal(0, add.ExitCode);
        Assert.Equal(0, token.ExitCode);
        var issued = token.Stdout.Trim();
        Assert.StartsWith(ApiTokenSecret.Prefix, issued);
        Assert.Equal("", token.Stderr);
        await using var factory = new SpotCheckFactory(storage, demo: false);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", issued);
        var me = await client.GetStringAsync("/api/v1/me");
        Assert.Contains("\"userName\":\"chief\"", me);
        Assert.Contains("\"Admin\"", me);
    }

    [Theory]
    [InlineData("short", "Admin", "密码至少需要 10 个字符")]
    [InlineData("Password123", "Admin", "密码过于常见")]
    [InlineData(TestHost.Password, "Boss", "未知角色")]
    public async Task Bad_password_or_role_fails_with_one_clear_line(string password, string role, string expected)
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;

        var (exit, stdout, stderr) = await RunAsync(password, "users", "add", "someone", "--role", role, "--password-stdin", "--data-dir", storage.DataDir);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_5000_character_user_name_is_refused_with_one_line()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;

        var (exit, stdout, stderr) = await RunAsync(TestHost.Password, "users", "add", new string('a', 5000), "--role", "Officer",
            "--password-stdin", "--data-dir", storage.DataDir);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("用户名最多 64 个字符（收到 5000 个）", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Token_for_an_unknown_user_fails_and_duplicate_user_is_refused()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        await RunAsync(TestHost.Password, "users", "add", "dup", "--role", "Officer", "--password-stdin", "--data-dir", storage.DataDir);

        var again = await RunAsync(TestHost.Password, "users", "add", "dup", "--role", "Officer", "--password-stdin", "--data-dir", storage.DataDir);
        var unknown = await RunAsync(null, "users", "token", "ghost", "--data-dir", storage.DataDir);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("已存在", again.Stderr);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("ghost", unknown.Stderr);
        Assert.Equal("", unknown.Stdout);
    }

    [Fact]
    public async Task Officer_user_is_linked_to_the_directory_by_officer_code()
    {
        await using var storage = (await TestStorage.CreateAsync(DbProvider.Sqlite))!;
        await using (var seeded = new SpotCheckFactory(storage, demo: true)) seeded.CreateClient();

        var unknown = await RunAsync(TestHost.Password, "users", "add", "nobody", "--role", "Officer", "--officer", "XP-OFF-99",
            "--password-stdin", "--data-dir", storage.DataDir);
        var linked = await RunAsync(TestHost.Password, "users", "add", "zhangming", "--role", "Officer", "--officer", "XP-OFF-01",
            "--password-stdin", "--data-dir", storage.DataDir);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("XP-OFF-99", unknown.Stderr);
        Assert.Equal(0, linked.ExitCode);
        await using var factory = new SpotCheckFactory(storage, demo: false);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == "zhangming");
        var officer = await db.Officers.SingleAsync(o => o.Code == "XP-OFF-01");
        Assert.Equal(officer.Id, user.OfficerId);
        Assert.Equal(officer.DepartmentId, user.DepartmentId);
        Assert.Equal("张明", user.DisplayName);
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "nobody"));
    }
}
