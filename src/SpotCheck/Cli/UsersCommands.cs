using System.CommandLine;
using SpotCheck.Core.Identity;
using SpotCheck.Hosting;

namespace SpotCheck.Cli;

/// <summary><c>spotcheck users add|token</c> (SPEC §4); actions are audited with actor <c>cli</c>.</summary>
public static class UsersCommands
{
    const string Actor = "cli";

    public static Command Create()
    {
        var users = new Command("users", "用户与 API 令牌");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(Token());
        users.Subcommands.Add(RevokeTokens());
        return users;
    }

    static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "登录用户名" };
        var role = new Option<string>("--role") { Description = $"角色：{string.Join("|", Roles.All)}", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取密码（一行）", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "显示姓名（默认同用户名）" };
        var officer = new Option<string?>("--officer") { Description = "关联的执法检查人员编号（如 XP-OFF-01），该用户即可查看本人的检查任务" };
        var departments = new Option<string[]>("--department")
        {
            Description = "所属部门编码，可重复（只处理本部门的工作，并可查看下级部门的工作；不填则处理全部部门）",
        };
        var dataDir = CommonOptions.DataDir();
        var db = CommonOptions.Db();
        var command = new Command("add", "创建用户（密码从标准输入读取）") { name, role, passwordStdin, displayName, officer, departments, dataDir, db };
        command.SetAction(async (parse, ct) =>
        {
            var password = await Console.In.ReadLineAsync(ct) ?? "";
            await using var services = await CliServices.OpenAsync(CommonOptions.Storage(parse, dataDir, db), ct);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>().HandleAsync(
                new CreateUser.Command(parse.GetRequiredValue(name), parse.GetRequiredValue(role), password, Actor, parse.GetValue(displayName),
                    parse.GetValue(officer), parse.GetValue(departments)), ct);
            if (!result.IsSuccess) throw new CliException(result.Error!.Message);
            Console.WriteLine($"created {result.Value.UserName} ({parse.GetRequiredValue(role)})");
            return 0;
        });
        return command;
    }

    static Command Token()
    {
        var name = new Argument<string>("NAME") { Description = "用户名" };
        var dataDir = CommonOptions.DataDir();
        var db = CommonOptions.Db();
        var command = new Command("token", "为用户生成新的 API 令牌并打印（只显示一次）") { name, dataDir, db };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.OpenAsync(CommonOptions.Storage(parse, dataDir, db), ct);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IssueApiToken.Handler>()
                .HandleAsync(new IssueApiToken.Command(parse.GetRequiredValue(name), Actor), ct);
            if (!result.IsSuccess) throw new CliException(result.Error!.Message);
            Console.WriteLine(result.Value);
            return 0;
        });
        return command;
    }

    static Command RevokeTokens()
    {
        var name = new Argument<string>("NAME") { Description = "用户名" };
        var dataDir = CommonOptions.DataDir();
        var db = CommonOptions.Db();
        var command = new Command("revoke-tokens", "吊销用户的全部 API 令牌") { name, dataDir, db };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliServices.OpenAsync(CommonOptions.Storage(parse, dataDir, db), ct);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RevokeApiTokens.Handler>()
                .HandleAsync(new RevokeApiTokens.Command(parse.GetRequiredValue(name), Actor), ct);
            if (!result.IsSuccess) throw new CliException(result.Error!.Message);
            Console.WriteLine($"revoked {result.Value}");
            return 0;
        });
        return command;
    }
}
