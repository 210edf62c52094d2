using System.CommandLine;
using SpotCheck.Hosting;
using SpotCheck.Hosting.Backup;

namespace SpotCheck.Cli;

/// <summary><c>spotcheck backup --out FILE</c> and <c>spotcheck restore FILE --data-dir D</c> (SPEC §4).</summary>
public static class BackupCommands
{
    public static Command CreateBackup()
    {
        var output = new Option<string>("--out") { Description = "备份文件（zip）", Required = true };
        var dataDir = CommonOptions.DataDir();
        var db = CommonOptions.Db();
        var command = new Command("backup",
            "备份为一个文件：数据库（SQLite 在线备份，或 PostgreSQL 的 pg_dump）、证据文件、抽取记录、锚定密钥和含行数与哈希的清单；服务运行时也可执行")
        {
            output, dataDir, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var storage = CommonOptions.Storage(parse, dataDir, db);
            var path = Path.GetFullPath(parse.GetRequiredValue(output));
            var summary = await Run(() => BackupArchive.CreateAsync(storage, path, TimeProvider.System, ct));
            Console.Out.Write($"backup {path}: audit seq {summary.AuditSeq}, {summary.Tables} tables, {summary.Rows} rows, {summary.EvidenceFiles} evidence files\n");
            return 0;
        });
        return command;
    }

    public static Command CreateRestore()
    {
        var file = new Argument<string>("FILE") { Description = "spotcheck backup 生成的备份文件" };
        var dataDir = new Option<string>("--data-dir") { Description = "恢复到的新数据目录（必须不存在或为空）", Required = true };
        var db = new Option<string?>("--db") { Description = "PostgreSQL 备份：恢复到的空数据库连接串" };
        var command = new Command("restore", "把备份恢复到新的空目录，并校验审计哈希链、各表行数和证据文件哈希，输出一行摘要") { file, dataDir, db };
        command.SetAction(async (parse, ct) =>
        {
            var target = Storage.Resolve(parse.GetRequiredValue(dataDir), parse.GetValue(db)) with { EvidenceRootSetting = null, AnchorKeySetting = null };
            var s = await Run(() => RestoreArchive.RestoreAsync(parse.GetRequiredValue(file), target, ct));
            Console.Out.Write($"restored {target.DataDir}: {s.Chain}, {s.Tables} tables and {s.Rows} rows match the manifest, {s.EvidenceFiles} evidence files verified\n");
            return 0;
        });
        return command;
    }

    static async Task<T> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (BackupException e)
        {
            throw new CliException(e.Message);
        }
    }
}
