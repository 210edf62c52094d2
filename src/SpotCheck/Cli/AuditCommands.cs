using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Draw.Audit;
using SpotCheck.Hosting;

namespace SpotCheck.Cli;

/// <summary><c>audit verify LOG.jsonl [--anchors FILE…]</c>, <c>audit export</c> and <c>audit anchor</c> (SPEC §4, draw-spec §7).</summary>
public static class AuditCommands
{
    const string Actor = "cli";

    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Command Create()
    {
        var audit = new Command("audit", "审计日志：校验导出文件、导出本平台的日志、签名锚定日志头");
        audit.Subcommands.Add(Verify());
        audit.Subcommands.Add(Export());
        audit.Subcommands.Add(Anchor());
        return audit;
    }

    static Command Verify()
    {
        var file = new Argument<string>("LOG.jsonl") { Description = "JSON Lines 格式的审计日志（audit export 的输出）" };
        var anchors = new Option<string[]>("--anchors")
        {
            Description = "audit anchor 写出的锚定文件（可多个）：锚定的日志头必须仍在日志中且哈希一致、签名有效",
            AllowMultipleArgumentsPerToken = true,
        };
        var publicKey = new Option<string?>("--public-key") { Description = "锚定公钥 PEM（默认取数据目录中的签名密钥）" };
        var dataDir = CommonOptions.DataDir();
        var command = new Command("verify",
            "逐条校验哈希链：OK <n> entries head=<hash>，或 BROKEN at seq <n>: <原因>（退出码 1）；带 --anchors 时锚定不符为 BROKEN anchor FILE: <原因>")
        {
            file, anchors, publicKey, dataDir,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException($"audit verify: file not found: {path}");
            var anchorFiles = parse.GetValue(anchors) ?? [];
            var loaded = anchorFiles.Select(ReadAnchor).ToList();
            using var key = loaded.Count == 0 ? null : VerificationKey(parse.GetValue(publicKey), CommonOptions.Storage(parse, dataDir));
            string line;
            bool valid;
            try
            {
                using var reader = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: false);
                if (key is null)
                {
                    var result = LogChain.Verify(reader);
                    (line, valid) = (result.ToString(), result.IsIntact);
                }
                else
                {
                    var outcome = AnchorVerification.Verify(reader, loaded, key);
                    (line, valid) = (outcome.AnchorFailure ?? outcome.Chain.ToString(), outcome.IsValid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
            {
                throw new CliException($"audit verify: cannot read {path}: {e.Message}");
            }
            await Console.Out.WriteLineAsync(line.AsMemory(), ct);
            return valid ? 0 : 1;
        });
        return command;
    }

    static AnchorVerification.Anchored ReadAnchor(string path)
    {
        try
        {
            return new AnchorVerification.Anchored(path, AuditAnchor.Parse(File.ReadAllText(path, Utf8)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new CliException($"audit verify: cannot read anchor {path}: {e.Message}");
        }
        catch (FormatException e)
        {
            throw new CliException($"audit verify: anchor {path} is malformed: {e.Message}");
        }
    }

    static ECDsa VerificationKey(string? publicKeyPath, Storage storage)
    {
        var path = publicKeyPath ?? storage.AnchorKeyPath;
        if (!File.Exists(path))
            throw new CliException($"audit verify: no anchor public key at {path}; pass --public-key FILE (printed by spotcheck audit anchor --public-key)");
        try
        {
            return AnchorSigningKey.LoadPem(path);
        }
        catch (FormatException e)
        {
            throw new CliException($"audit verify: --public-key: {e.Message}");
        }
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

    static Command Anchor()
    {
        var output = new Option<string?>("--out") { Description = "写出签名日志头 {seq, hash, at, signature} 的文件" };
        var publicKey = new Option<bool>("--public-key") { Description = "只打印锚定公钥（PEM），供公示和 audit verify --public-key 使用" };
        var key = new Option<string?>("--key") { Description = "签名私钥 PEM 路径（默认 数据目录/keys/anchor-signing.pem，首次使用时以 0600 权限创建）" };
        var dataDir = CommonOptions.DataDir();
        var db = CommonOptions.Db();
        var command = new Command("anchor", "校验哈希链后签名当前日志头并写入文件（密钥保存在数据库之外），同时记一条 ANCHOR 日志")
        {
            output, publicKey, key, dataDir, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var storage = Storage.Resolve(parse.GetValue(dataDir), parse.GetValue(db), anchorKey: parse.GetValue(key));
            if (parse.GetValue(publicKey))
            {
                using var signing = AnchorSigningKey.LoadOrCreate(storage.AnchorKeyPath);
                await Console.Out.WriteAsync(AnchorSigningKey.PublicKeyPem(signing).AsMemory(), ct);
                return 0;
            }
            var path = parse.GetValue(output) ?? throw new CliException("audit anchor: --out FILE is required (or --public-key)", 2);
            await using var services = await CliServices.OpenAsync(storage, ct);
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var head = await new AuditReader(sp.GetRequiredService<AppDbContext>()).HeadAsync(ct);
            using var signingKey = AnchorSigningKey.LoadOrCreate(storage.AnchorKeyPath);
            var anchor = AuditAnchor.Sign(head, sp.GetRequiredService<TimeProvider>().GetUtcNow(), signingKey);
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, anchor.ToJson(), Utf8, ct);
            File.Move(temp, path, overwrite: true);
            await sp.GetRequiredService<AuditLog>().AppendAsync(new AuditEvent("ANCHOR", Actor, new JsonObject
            {
                ["seq"] = anchor.Seq, ["hash"] = anchor.Hash, ["at"] = anchor.At,
                ["publicKeySha256"] = Convert.ToHexStringLower(SHA256.HashData(signingKey.ExportSubjectPublicKeyInfo())),
            }), ct);
            Console.Out.Write($"anchored seq {anchor.Seq} head={anchor.Hash}\n");
            return 0;
        });
        return command;
    }
}
