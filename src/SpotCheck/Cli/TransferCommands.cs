using System.CommandLine;

namespace SpotCheck.Cli;

public static class TransferCommands
{
    public static Command CreateImport() => new("import", "TODO");

    public static Command CreateExport() => new("export", "TODO");
}
