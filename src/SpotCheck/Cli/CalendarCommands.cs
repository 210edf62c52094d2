using System.CommandLine;

namespace SpotCheck.Cli;

public static class CalendarCommands
{
    public static Command Create() => new("calendar", "TODO");
}
