using System.CommandLine;

namespace SpotCheck.Cli;

public static class UsersCommands
{
    public static Command Create() => new("users", "TODO");
}
