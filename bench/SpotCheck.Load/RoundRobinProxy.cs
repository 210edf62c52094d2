namespace SpotCheck.Load;

/// <summary>
/// The smallest reverse proxy that does what deploy/nginx does for the soak: each request to the next upstream in
/// turn, X-Forwarded-For/-Proto added, bodies streamed both ways.
/// </summary>
static class RoundRobinProxy
{
    static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host",
    };

    public static async Task<int> RunAsync(Options o)
    {
        var upstreams = o.All("upstream").Select(u => new Uri(u)).ToArray();
        if (upstreams.Length == 0) throw new ArgumentException("--upstream is required");
        var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }) { Timeout = TimeSpan.FromMinutes(5) };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(o.Get("listen"));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        long next = 0;
        app.Run(async ctx =>
        {
            var upstream = upstreams[(int)(Interlocked.Increment(ref next) % upstreams.Length)];
            using var request = new HttpRequestMessage(new HttpMethod(ctx.Request.Method),
                new Uri(upstream, ctx.Request.Path.ToUriComponent() + ctx.Request.QueryString.ToUriComponent()));
            if (ctx.Request.ContentLength > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
                request.Content = new StreamContent(ctx.Request.Body);
            foreach (var (name, values) in ctx.Request.Headers)
            {
                if (HopByHop.Contains(name)) continue;
                if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                    request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
            request.Headers.Host = ctx.Request.Host.Value;
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", ctx.Connection.RemoteIpAddress?.ToString());
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", ctx.Request.Scheme);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ctx.RequestAborted);
            ctx.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                if (!HopByHop.Contains(name)) ctx.Response.Headers[name] = values.ToArray();
            await response.Content.CopyToAsync(ctx.Response.Body, ctx.RequestAborted);
        });
        Console.WriteLine($"proxy {o.Get("listen")} -> {string.Join(", ", upstreams.Select(u => u.ToString()))}");
        await app.RunAsync();
        return 0;
    }
}
