using System.CommandLine;

namespace SpotCheck.Cli;

/// <summary>Documents serve in --help; Program routes serve and option-only argument lists to the web host directly.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "启动网站（默认 http://localhost:5080）：--urls U --data-dir D --db CONN --demo");
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }
}
