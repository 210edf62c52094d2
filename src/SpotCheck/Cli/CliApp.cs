using System.CommandLine;

namespace SpotCheck.Cli;

/// <summary>The command-line contract of SPEC §4: exit 0 success, 1 check failed or bad input, 2 usage error.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("SpotCheck 双随机、一公开监管工作平台 — 无参数运行即启动网站 (serve)");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(UsersCommands.Create());
        root.Subcommands.Add(UsccCommands.Create());
        root.Subcommands.Add(CalendarCommands.Create());
        root.Subcommands.Add(DrawCommands.Create());
        root.Subcommands.Add(AuditCommands.Create());
        root.Subcommands.Add(TransferCommands.CreateImport());
        root.Subcommands.Add(TransferCommands.CreateExport());
        root.Subcommands.Add(BackupCommands.CreateBackup());
        root.Subcommands.Add(BackupCommands.CreateRestore());
        root.Subcommands.Add(DbCommands.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        try
        {
            // CliException must reach the catch below: one line on stderr, never System.CommandLine's stack trace.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A broken audit chain, an unreachable database, an unreadable file: one line, exit 1, never a stack trace.
            await Console.Error.WriteLineAsync($"error: {OneLine(e)}");
            return 1;
        }
    }

    static string OneLine(Exception e)
    {
        var inner = e.GetBaseException();
        var text = ReferenceEquals(inner, e) ? e.Message : $"{e.Message} ({inner.Message})";
        return text.ReplaceLineEndings(" ");
    }
}

/// <summary>Ends a command with one line on stderr and the given exit code; never a stack trace.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
