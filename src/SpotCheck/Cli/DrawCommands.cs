using System.CommandLine;
using SpotCheck.Draw;
using SpotCheck.Draw.Assignment;
using SpotCheck.Draw.Record;
using SpotCheck.Draw.Requests;
using SpotCheck.Draw.Selection;

namespace SpotCheck.Cli;

/// <summary><c>spotcheck draw ticket|commit|seed|select|assign|verify</c> (SPEC §4, draw-spec).</summary>
public static class DrawCommands
{
    public static Command Create()
    {
        var draw = new Command("draw", "DRAW-v1 随机抽取：签号、承诺、种子、抽取对象、分配人员、核验抽取记录");
        draw.Subcommands.Add(Ticket());
        draw.Subcommands.Add(Commit());
        draw.Subcommands.Add(Seed());
        draw.Subcommands.Add(Select());
        draw.Subcommands.Add(Assign());
        draw.Subcommands.Add(Verify());
        return draw;
    }

    static Option<string> Required(string name, string description) => new(name) { Required = true, Description = description };

    static Command Ticket()
    {
        var seed = Required("--seed", "种子（64 位小写十六进制）");
        var tag = Required("--tag", "S（抽取对象）或 A（分配人员）");
        var a = Required("--a", "对象编号");
        var b = Required("--b", "S：序号 j（≥1）；A：检查人员编号");
        var command = new Command("ticket", "计算签号 T(tag, a, b)") { seed, tag, a, b };
        command.SetAction(parse => Run(() =>
        {
            var seedValue = parse.GetValue(seed)!;
            Seeds.Require(seedValue, "--seed");
            var tagValue = parse.GetValue(tag);
            if (tagValue is not ("S" or "A")) throw new DrawInputException("--tag: must be S or A");
            var aValue = RequireId(parse.GetValue(a)!, "--a");
            var bValue = parse.GetValue(b)!;
            if (tagValue == "S" && !IsPositiveDecimal(bValue))
                throw new DrawInputException($"--b: \"{DrawIds.Printable(bValue)}\" is not a decimal j ≥ 1 without leading zeros");
            if (tagValue == "A") RequireId(bValue, "--b");
            Console.Out.WriteLine(DrawHash.TicketHex(seedValue, tagValue[0], aValue, bValue));
        }));
        return command;
    }

    static Command Commit()
    {
        var drawId = Required("--draw-id", "抽取编号");
        var party = Required("--party", "承诺方");
        var secret = Required("--secret", "秘密值（64 位小写十六进制）");
        var command = new Command("commit", "计算承诺值 C = H(\"commit:\" drawId \":\" party \":\" secret)") { drawId, party, secret };
        command.SetAction(parse => Run(() =>
        {
            var id = RequireId(parse.GetValue(drawId)!, "--draw-id");
            var p = RequireId(parse.GetValue(party)!, "--party");
            var s = RequireHex(parse.GetValue(secret)!, "--secret");
            Console.Out.WriteLine(DrawHash.Commitment(id, p, s));
        }));
        return command;
    }

    static Command Seed()
    {
        var drawId = Required("--draw-id", "抽取编号");
        var inputsHash = Required("--inputs-hash", "输入清单哈希（64 位小写十六进制）");
        var secrets = new Option<string[]>("--secret") { Required = true, Description = "P=HEX，每个承诺方一次（可重复）" };
        var randomness = Required("--public-randomness", "公共随机数（规范形式；不使用时为空字符串）");
        var command = new Command("seed", "由揭示的秘密值和公共随机数计算种子") { drawId, inputsHash, secrets, randomness };
        command.SetAction(parse => Run(() =>
        {
            var id = RequireId(parse.GetValue(drawId)!, "--draw-id");
            var hash = RequireHex(parse.GetValue(inputsHash)!, "--inputs-hash");
            var parties = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(secrets)!)
            {
                var eq = pair.IndexOf('=');
                if (eq < 0) throw new DrawInputException($"--secret: \"{DrawIds.Printable(pair)}\" is not PARTY=HEX");
                var party = RequireId(pair[..eq], "--secret party");
                if (!parties.TryAdd(party, RequireHex(pair[(eq + 1)..], $"--secret {party}")))
                    throw new DrawInputException($"--secret: party {party} given twice");
            }
            var publicRandomness = parse.GetValue(randomness)!;
            DrawRecordRules.RequirePublicRandomness(publicRandomness, "--public-randomness");
            Console.Out.WriteLine(DrawHash.Seed(id, hash, parties, publicRandomness));
        }));
        return command;
    }

    static Command Select()
    {
        var request = new Argument<string>("REQUEST.json") { Description = "抽取请求（SPEC §4）" };
        var population = new Option<string?>("--population") { Description = "名录 TSV：id<TAB>stratum<TAB>weight" };
        var command = new Command("select", "抽取检查对象，输出结果 JSON") { request, population };
        command.SetAction(parse => Run(() =>
        {
            var tsvPath = parse.GetValue(population);
            var req = SelectRequest.Parse(ReadFile(parse.GetValue(request)!, "REQUEST.json"), populationFromTsv: tsvPath is not null);
            var result = tsvPath is null
                ? Selector.Select(req.Seed, req.Population!, req.Params)
                : TsvSelector.Select(req.Seed, ReadFile(tsvPath, "--population"), req.Params);
            using var stdout = Console.OpenStandardOutput();
            ResultJson.Write(stdout, result);
        }));
        return command;
    }

    static Command Assign()
    {
        var request = new Argument<string>("REQUEST.json") { Description = "分配请求（SPEC §4）" };
        var command = new Command("assign", "为抽中的对象分配执法检查人员，输出结果 JSON") { request };
        command.SetAction(parse => Run(() =>
        {
            var input = AssignRequest.Parse(ReadFile(parse.GetValue(request)!, "REQUEST.json"));
            var result = Assigner.Assign(input);
            using var stdout = Console.OpenStandardOutput();
            ResultJson.Write(stdout, result);
        }));
        return command;
    }

    static Command Verify()
    {
        var record = new Argument<string>("RECORD.json") { Description = "公示的抽取记录" };
        var command = new Command("verify", "从头核验抽取记录：快照哈希、承诺、种子、抽取结果、人员分配、日志链") { record };
        command.SetAction(parse => Run(() =>
        {
            var outcome = DrawRecordVerifier.Verify(ReadFile(parse.GetValue(record)!, "RECORD.json"));
            if (!outcome.IsValid) throw new CliException(outcome.Discrepancy!);
            Console.Out.WriteLine(outcome.Summary);
        }));
        return command;
    }

    static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (DrawInputException e)
        {
            throw new CliException(e.Message);
        }
    }

    static string RequireId(string value, string field) =>
        DrawIds.IsValidId(value) ? value : throw new DrawInputException($"{field}: {DrawIds.DescribeBadId(value)}");

    static string RequireHex(string value, string field) =>
        Hex.IsLowerHex(value, 64) ? value : throw new DrawInputException($"{field}: must be exactly 64 lowercase hex characters");

    static bool IsPositiveDecimal(string s) => s.Length is > 0 and <= 18 && s[0] != '0' && s.All(char.IsAsciiDigit);

    static byte[] ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{what}: cannot read {path}: {e.Message}");
        }
    }
}
