using System.Net;
using System.Net.Sockets;

namespace SpotCheck.Hosting;

/// <summary>A busy listening address is one clear line naming it and the way out (--urls), never a stack trace.</summary>
public static class PortCheck
{
    /// <summary>The first configured http(s) address whose port cannot be bound now, or null.</summary>
    public static string? FirstBusy(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri)) continue;
            var address = uri.Host is "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.Host, out var ip) ? ip : IPAddress.Any;
            try
            {
                var listener = new TcpListener(address, uri.Port);
                listener.Start();
                listener.Stop();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return url;
            }
        }
        return null;
    }

    public static bool IsAddressInUse(IOException e) =>
        e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
        || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    public static string Message(string what) =>
        $"无法启动：地址已被占用（{what}）。请关闭占用该端口的程序，或用 --urls 指定其他地址，例如 --urls http://localhost:5081";
}
