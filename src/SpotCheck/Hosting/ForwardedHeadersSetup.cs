using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SpotCheck.Hosting;

/// <summary>
/// Behind a reverse proxy (deploy/nginx) the client address and scheme arrive as X-Forwarded-For/-Proto/-Host; they are
/// believed only from the addresses in SpotCheck:TrustedProxies (comma-separated), and ignored when none is configured.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Setting = "SpotCheck:TrustedProxies";

    public static void AddSpotCheckForwardedHeaders(this IServiceCollection services, IConfiguration config)
    {
        var proxies = (config[Setting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = proxies.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var ip)
                    ? ip
                    : throw new InvalidOperationException($"{Setting}: “{proxy}” 不是 IP 地址"));
        });
    }

    public static void UseSpotCheckForwardedHeaders(this WebApplication app) => app.UseForwardedHeaders();
}
