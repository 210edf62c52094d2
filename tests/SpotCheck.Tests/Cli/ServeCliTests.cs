using System.Net;
using System.Net.Sockets;
using SpotCheck.Hosting;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Cli;

/// <summary>Issue 11, CLI: help never starts a server, a busy port is one line, the first-run hint is the exact command.</summary>
public sealed class ServeCliTests
{
    [SkippableFact]
    public async Task Serve_help_prints_help_and_starts_nothing()
    {
        var dir = Path.Combine(Path.GetTempPath(), "spotcheck-help-" + Guid.NewGuid().ToString("N"));

        var run = await SpotcheckCli.RunAsync(null, "serve", "--help", "--data-dir", dir);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("serve", run.Stdout);
        Assert.Contains("--urls", run.Stdout);
        Assert.False(Directory.Exists(dir), "help created the data directory");
    }

    [SkippableFact]
    public async Task A_busy_port_is_one_line_naming_the_address_and_the_option()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var dir = Path.Combine(Path.GetTempPath(), "spotcheck-port-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = await SpotcheckCli.RunAsync(null, "serve", "--urls", $"http://127.0.0.1:{port}", "--data-dir", dir);

            Assert.Equal(1, run.ExitCode);
            var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"http://127.0.0.1:{port}", line);
            Assert.Contains("--urls", line);
            Assert.DoesNotContain("   at ", run.Stderr + run.Stdout);
        }
        finally
        {
            listener.Stop();
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    public void The_first_run_hint_names_dotnet_run_from_a_source_build_with_the_data_dir_and_the_login_url()
    {
        var root = Path.Combine(Path.GetTempPath(), "spotcheck-src-" + Guid.NewGuid().ToString("N"));
        var project = Path.Combine(root, "src", "SpotCheck");
        var output = Path.Combine(project, "bin", "Debug", "net10.0") + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(project, "SpotCheck.csproj"), "<Project />");
        try
        {
            var settings = new HostSettings(Storage.Resolve(Path.Combine(root, "elsewhere"), null), Demo: false);

            var lines = FirstRunHint.Lines(settings, "http://+:8080", root, output);

            Assert.Contains(lines, l => l.Contains($"| dotnet run --project {Path.Combine("src", "SpotCheck")} -- users add admin --role Admin --password-stdin --data-dir {Path.Combine(root, "elsewhere")}"));
            Assert.Contains(lines, l => l.Contains("http://localhost:8080/Account/Login"));
            Assert.DoesNotContain(lines, l => l.Contains("--db"));
            var published = FirstRunHint.Lines(new HostSettings(Storage.Resolve(Path.Combine(root, "data"), "Host=db;Password=secret"), false), null, root, root);
            Assert.Contains(published, l => l.Contains("spotcheck users add admin --role Admin --password-stdin --db") && !l.Contains("secret"));
            Assert.Contains(published, l => l.Contains("http://localhost:5080/Account/Login"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
