using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;

namespace SpotCheck.Hosting;

/// <summary>A busy listening address is one clear line naming it and the way out (--urls), never a stack trace.</summary>
public static class PortCheck
{
    /// <summary>
    /// The first configured http(s) address where something already accepts connections, or null. It connects rather
    /// than binds: a bind probe holds the port for a moment, so two servers starting together (or two test hosts) each
    /// found the other's probe and refused to start.
    /// </summary>
    public static string? FirstBusy(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri)) continue;
            var address = uri.Host is "localhost" ? IPAddress.Loopback
                : IPAddress.TryParse(uri.Host, out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any) ? ip
                : IPAddress.Loopback;
            if (Accepts(address, uri.Port)) return url;
        }
        return null;
    }

    /// <summary>A local connection is accepted or refused at once; one that hangs (a firewall dropping it) counts as free.</summary>
    static bool Accepts(IPAddress address, int port)
    {
        using var client = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            client.ConnectAsync(new IPEndPoint(address, port), timeout.Token).AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Only a server that binds sockets (Kestrel) can find its port taken; an in-memory test server cannot.</summary>
    public static bool Applies(IServer server) =>
        server.GetType().Assembly == typeof(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions).Assembly;

    public static bool IsAddressInUse(IOException e) =>
        e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
        || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    public static string Message(string what) =>
        $"无法启动：地址已被占用（{what}）。请关闭占用该端口的程序，或用 --urls 指定其他地址，例如 --urls http://localhost:5081";
}
