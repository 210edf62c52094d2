using System.CommandLine;

namespace SpotCheck.Cli;

public static class AuditCommands
{
    public static Command Create() => new("audit", "TODO");
}
