using System.Diagnostics;
using System.Text;

namespace SpotCheck.Tests.TestSupport;

/// <summary>The built <c>spotcheck.dll</c> run as a child process (CLI tests, record verification, the crash tests' host).</summary>
public static class SpotcheckCli
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "spotcheck.dll");

    /// <summary>The storage options every state-touching command and <c>serve</c> take.</summary>
    public static string[] StorageArgs(TestStorage storage) => storage.PostgresConnection is { } pg
        ? ["--data-dir", storage.DataDir, "--db", pg]
        : ["--data-dir", storage.DataDir];

    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        // The storage is named by the arguments only; a stray variable must not point a child at another database.
        psi.Environment.Remove(Hosting.Storage.PostgresEnvironmentVariable);
        // Start-up time dominates these tests; profile-guided tiering only pays off in long-running processes.
        psi.Environment["DOTNET_TieredPGO"] = "0";
        return psi;
    }

    public static async Task<Run> RunAsync(string? stdin, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"spotcheck {string.Join(' ', args)} did not finish within 3 minutes: {await stderr}{await stdout}");
        }
        return new Run(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the command and returns its trimmed stdout, failing the test with stderr when it exits non-zero.</summary>
    public static async Task<string> SucceedAsync(string? stdin, params string[] args)
    {
        var run = await RunAsync(stdin, args);
        Assert.True(run.ExitCode == 0, $"spotcheck {string.Join(' ', args.Take(2))} exited {run.ExitCode}: {run.Stderr}{run.Stdout}");
        return run.Stdout.Trim();
    }
}
