using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace SpotCheck.Tests.TestSupport;

/// <summary>
/// <c>spotcheck serve</c> as a child process on a test storage: started, killed hard (the whole process tree, no
/// shutdown hooks) and started again on the same data directory and port.
/// </summary>
public sealed class CrashServer(TestStorage storage) : IAsyncDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    readonly StringBuilder _output = new();
    readonly int _port = FreePort();
    Process? _process;

    public int Starts { get; private set; }

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("not running");

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}");

    /// <param name="settings">Configuration as serve's command line takes it, e.g. <c>--SpotCheck:EvidenceRoot=/x</c>.</param>
    public async Task StartAsync(bool demo = false, params string[] settings)
    {
        Assert.Null(_process);
        string[] args = ["serve", "--urls", BaseAddress.ToString().TrimEnd('/'), .. SpotcheckCli.StorageArgs(storage), .. demo ? new[] { "--demo" } : [], .. settings];
        var process = Process.Start(SpotcheckCli.StartInfo(args))!;
        _process = process;
        Starts++;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited) Assert.Fail($"spotcheck serve exited with {process.ExitCode} before it was healthy:\n{Output}");
            try
            {
                if ((await probe.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(40);
        }
        Assert.Fail($"spotcheck serve was not healthy within {StartTimeout}:\n{Output}");
    }

    /// <summary>SIGKILL for the process tree: no graceful shutdown, no flush, exactly what a power cut leaves behind.</summary>
    public void Kill()
    {
        if (_process is not { } process) return;
        _process = null;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited; the test notices that on restart or through its failed requests.
        }
        process.WaitForExit();
        process.Dispose();
    }

    public async Task RestartAsync()
    {
        Kill();
        await StartAsync();
    }

    /// <summary>A fresh client per process generation, so no pooled connection to a killed process is reused.</summary>
    public HttpClient Client(string? bearer = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2),
        };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length > 200_000) _output.Remove(0, 100_000);
            _output.AppendLine(line);
        }
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
