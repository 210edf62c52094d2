using System.Net;
using System.Net.Sockets;
using SpotCheck.Core.Identity;
using SpotCheck.Hosting;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Ops;

/// <summary>
/// Servers that start at the same moment each run their start-up. The port check used to bind the port for a moment,
/// so a second server probing at that instant took the probe for a running server and quit before migrating
/// (a test host then found no tables).
/// </summary>
public sealed class StartTogetherTests
{
    [Fact]
    public void Checks_at_the_same_moment_never_see_each_other_and_a_listening_port_is_busy()
    {
        var port = CrashServer.FreePort();
        var url = $"http://127.0.0.1:{port}";

        var seenBusy = 0;
        Parallel.For(0, 2, _ =>
        {
            for (var i = 0; i < 2000; i++)
                if (PortCheck.FirstBusy([url]) is not null) Interlocked.Increment(ref seenBusy);
        });
        Assert.Equal(0, seenBusy);

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        try
        {
            Assert.Equal(url, PortCheck.FirstBusy([url]));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Hosts_started_together_all_have_their_schema()
    {
        var hosts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => TestHost.StartAsync(DbProvider.Sqlite))));
        try
        {
            foreach (var host in hosts)
                await host!.CreateUserAsync("admin-" + Guid.NewGuid().ToString("N")[..8], Roles.Admin);
        }
        finally
        {
            foreach (var host in hosts) await host!.DisposeAsync();
        }
    }
}
