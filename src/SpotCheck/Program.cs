using SpotCheck.Cli;
using SpotCheck.Hosting;

namespace SpotCheck;

public partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (IsServe(args))
            return await WebHost.RunAsync(args is ["serve", ..] ? args[1..] : args);
        return await CliApp.RunAsync(args);
    }

    /// <summary>
    /// No arguments, <c>serve</c>, or only options (e.g. <c>--demo</c>, <c>--urls</c>) runs the web server; asking for help
    /// or the version anywhere prints it instead and starts nothing.
    /// </summary>
    static bool IsServe(string[] args) => !args.Any(a => a is "--help" or "-h" or "-?" or "/?" or "--version") && args switch
    {
        [] => true,
        ["serve", ..] => true,
        [var first, ..] => first.StartsWith('-'),
    };
}
