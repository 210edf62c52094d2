using System.CommandLine;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Cli;

/// <summary><c>spotcheck uscc validate CODE…</c>: one line per code; exit 0 iff all are valid (SPEC §4).</summary>
public static class UsccCommands
{
    public static Command Create()
    {
        var uscc = new Command("uscc", "统一社会信用代码工具");
        var codes = new Argument<string[]>("CODE") { Description = "一个或多个统一社会信用代码", Arity = ArgumentArity.OneOrMore };
        var validate = new Command("validate", "校验统一社会信用代码（GB 32100-2015）") { codes };
        validate.SetAction(parse =>
        {
            var allValid = true;
            foreach (var code in parse.GetRequiredValue(codes))
            {
                var result = Uscc.Parse(code);
                allValid &= result.IsSuccess;
                Console.Out.Write(result.IsSuccess ? $"{code}\tvalid\n" : $"{code}\tinvalid\t{result.Error!.Message}\n");
            }
            return allValid ? 0 : 1;
        });
        uscc.Subcommands.Add(validate);
        return uscc;
    }
}
