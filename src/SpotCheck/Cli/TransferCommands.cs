using System.CommandLine;
using System.Text.Json.Nodes;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Transfer;
using SpotCheck.Hosting;

namespace SpotCheck.Cli;

/// <summary><c>spotcheck import|export enterprises|officers|items</c> in the layouts of SPEC §4 and docs/import-layouts.md.</summary>
public static class TransferCommands
{
    const string Actor = "cli";

    static readonly (string Name, ListKind Kind)[] Lists =
    [
        ("enterprises", ListKind.Enterprises),
        ("officers", ListKind.Officers),
        ("items", ListKind.Items),
    ];

    public static Command CreateImport()
    {
        var import = new Command("import", "从 csv/xlsx 导入名录（整个文件要么全部导入，要么全部不导入）");
        foreach (var (name, kind) in Lists)
        {
            var file = new Argument<string>("FILE") { Description = "FILE.csv（UTF-8 或 GB18030）或 FILE.xlsx（第一个工作表）" };
            var dataDir = CommonOptions.DataDir();
            var db = CommonOptions.Db();
            var command = new Command(name, $"导入{TransferLists.Title(kind)}") { file, dataDir, db };
            command.SetAction(async (parse, ct) =>
            {
                var path = parse.GetRequiredValue(file);
                if (!File.Exists(path)) throw new CliException($"文件不存在：{path}");
                await using var services = await CliServices.OpenAsync(CommonOptions.Storage(parse, dataDir, db), ct);
                await using var scope = services.CreateAsyncScope();
                var result = await Transfer(scope.ServiceProvider).ImportAsync(kind, path, Actor, ct);
                // stdout carries only the `imported N` line (SPEC §4); everything else a clerk should know goes to stderr.
                if (result.EncodingNote is { } encoding) await Console.Error.WriteLineAsync(encoding);
                foreach (var warning in result.Warnings) await Console.Error.WriteLineAsync($"警告：{warning}");
                if (!result.IsSuccess)
                {
                    foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e.ToString());
                    if (result.ErrorCount > result.Errors.Count)
                        await Console.Error.WriteLineAsync($"… 共 {result.ErrorCount} 处错误，仅列出前 {result.Errors.Count} 处；未导入任何数据");
                    return 1;
                }
                Console.Out.Write($"imported {result.Imported}\n");
                return 0;
            });
            import.Subcommands.Add(command);
        }
        return import;
    }

    public static Command CreateExport()
    {
        var export = new Command("export", "按导入格式导出名录");
        foreach (var (name, kind) in Lists)
        {
            var output = new Option<string>("--out") { Description = "FILE.csv 或 FILE.xlsx", Required = true };
            var template = new Option<bool>("--template") { Description = "只写导入模板：只有表头，没有示例行（xlsx 另附“填写说明”工作表）" };
            var dataDir = CommonOptions.DataDir();
            var db = CommonOptions.Db();
            var command = new Command(name, $"导出{TransferLists.Title(kind)}") { output, template, dataDir, db };
            command.SetAction(async (parse, ct) =>
            {
                var path = parse.GetRequiredValue(output);
                var format = TabularFile.FormatOf(path);
                if (!format.IsSuccess) throw new CliException(format.Error!.Message);
                var temp = path + ".tmp";
                try
                {
                    if (parse.GetValue(template))
                    {
                        await using (var stream = File.Create(temp)) TransferLists.WriteTemplate(kind, stream, format.Value);
                        File.Move(temp, path, overwrite: true);
                        return 0;
                    }
                    await using var services = await CliServices.OpenAsync(CommonOptions.Storage(parse, dataDir, db), ct);
                    await using var scope = services.CreateAsyncScope();
                    int rows;
                    await using (var stream = File.Create(temp)) rows = Transfer(scope.ServiceProvider).Export(kind, stream, format.Value, ct);
                    File.Move(temp, path, overwrite: true);
                    // Like an export from the web page, one from the command line leaves its trace in the audit log.
                    await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(new AuditEvent("LIST_EXPORTED", Actor, new JsonObject
                    {
                        ["list"] = Pages.Staff.ListKinds.Slug(kind), ["format"] = format.Value == TabularFormat.Xlsx ? "xlsx" : "csv", ["rows"] = rows,
                    }), ct);
                }
                finally
                {
                    File.Delete(temp);
                }
                return 0;
            });
            export.Subcommands.Add(command);
        }
        return export;
    }

    static TransferLists Transfer(IServiceProvider sp) =>
        new(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<AuditLog>(), sp.GetRequiredService<TimeProvider>());
}
