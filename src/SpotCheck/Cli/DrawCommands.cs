using System.CommandLine;

namespace SpotCheck.Cli;

public static class DrawCommands
{
    public static Command Create() => new("draw", "TODO");
}
