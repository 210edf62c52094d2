using System.CommandLine;
using SpotCheck.Core.Data;
using SpotCheck.Hosting;

namespace SpotCheck.Cli;

/// <summary><c>spotcheck db migrate</c>: the schema step of an upgrade, for hosts that run with SpotCheck:MigrateAtStart=false.</summary>
public static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "数据库结构");
        var dataDir = CommonOptions.DataDir();
        var conn = CommonOptions.Db();
        var migrate = new Command("migrate", "应用尚未执行的数据库迁移（以及审计日志的只增触发器）后退出") { dataDir, conn };
        migrate.SetAction(async (parse, ct) =>
        {
            var storage = CommonOptions.Storage(parse, dataDir, conn);
            if (!storage.IsPostgres) storage.EnsureDataDir();
            await using var context = new AppDbContext(storage.Options());
            var applied = await DatabaseSetup.MigrateAsync(context, ct);
            Console.Out.Write(applied.Count == 0 ? "schema up to date\n" : $"applied {applied.Count} migrations: {string.Join(", ", applied)}\n");
            return 0;
        });
        db.Subcommands.Add(migrate);
        return db;
    }
}
