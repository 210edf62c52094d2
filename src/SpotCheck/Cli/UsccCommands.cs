using System.CommandLine;

namespace SpotCheck.Cli;

public static class UsccCommands
{
    public static Command Create() => new("uscc", "TODO");
}
