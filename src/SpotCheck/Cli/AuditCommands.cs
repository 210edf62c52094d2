using System.CommandLine;
using System.Text;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Audit;

namespace SpotCheck.Cli;

/// <summary><c>audit verify LOG.jsonl</c> and <c>audit export</c> (SPEC §4, draw-spec §7).</summary>
public static class AuditCommands
{
    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Command Create()
    {
        var audit = new Command("audit", "审计日志：校验导出文件、导出本平台的日志");
        audit.Subcommands.Add(Verify());
        audit.Subcommands.Add(Export());
        return audit;
    }

    static Command Verify()
    {
        var file = new Argument<string>("LOG.jsonl") { Description = "JSON Lines 格式的审计日志（audit export 的输出）" };
        var command = new Command("verify", "逐条校验哈希链：OK <n> entries head=<hash>，或 BROKEN at seq <n>: <原因>（退出码 1）") { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException($"audit verify: file not found: {path}");
            ChainVerification result;
            try
            {
                using var reader = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: false);
                result = LogChain.Verify(reader);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                throw new CliException($"audit verify: cannot read {path}: {e.Message}");
            }
            await Console.Out.WriteLineAsync(result.ToString().AsMemory(), ct);
            return result.IsIntact ? 0 : 1;
        });
        return command;
    }

    static Command Export()
    {
        var dataDir = CommonOptions.DataDir();
        var db = CommonOptions.Db();
        var command = new Command("export", "把本平台的审计日志以 JSON Lines 写到标准输出（可用 audit verify 校验）") { dataDir, db };
        command.SetAction(async (parse, ct) =>
        {
            var storage = CommonOptions.Storage(parse, dataDir, db);
            if (!storage.IsPostgres) storage.EnsureDataDir();
            await using var context = new AppDbContext(storage.Options());
            try
            {
                // Schema only, no chain verification: a broken chain must still be exportable for inspection.
                await DatabaseInitializer.PrepareSchemaAsync(context, ct);
                await using var stdout = new StreamWriter(Console.OpenStandardOutput(), Utf8);
                await AuditExport.WriteJsonLinesAsync(context, stdout, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new CliException($"audit export: {e.Message}");
            }
            return 0;
        });
        return command;
    }
}
