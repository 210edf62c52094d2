using Microsoft.Net.Http.Headers;

namespace SpotCheck.Hosting;

/// <summary>
/// Revalidation and server-side caching for the portal (SPEC §6): a public page or public API answer is the same for
/// everyone and changes only when the platform's state does, and every state change is an audit entry. Its entity tag
/// is this build plus the state generation: a client holding the current tag gets 304, and an anonymous client gets the
/// answer rendered once for that generation (<see cref="PublicPageCache"/>), before routing or any query.
/// </summary>
public static class PublicResponseCache
{
    static readonly string Build = typeof(PublicResponseCache).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    public static bool IsPublic(PathString path) =>
        path == "/" || path.StartsWithSegments("/public") || path.StartsWithSegments("/api/v1/public");

    public static IApplicationBuilder UsePublicResponseCache(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !IsPublic(request.Path))
        {
            await next(context);
            return;
        }
        var generation = await context.RequestServices.GetRequiredService<PublicGeneration>().CurrentAsync(context);
        var tag = new EntityTagHeaderValue($"\"{Build}-{generation}\"", isWeak: true);
        var response = context.Response;
        if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } held && held.Any(h => h.Compare(tag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.GetTypedHeaders().ETag = tag;
            return;
        }
        response.OnStarting(() =>
        {
            // An endpoint with a tag of its own (the draw record file) keeps it; errors and answers marked no-store
            // (a form's antiforgery token) are not cached.
            if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag) && !IsNoStore(response))
            {
                response.GetTypedHeaders().ETag = tag;
                response.Headers.CacheControl = "no-cache";
            }
            return Task.CompletedTask;
        });
        if (!MayShare(request))
        {
            await next(context);
            return;
        }
        await ServeSharedAsync(context, next, generation, tag);
    });

    static bool IsNoStore(HttpResponse response) =>
        response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A signed-in visitor, a partial request, one with credentials, or a revalidation against an endpoint's own tag
    /// (the draw record file answers 304 itself) gets its own render.
    /// </summary>
    static bool MayShare(HttpRequest request) => HttpMethods.IsGet(request.Method)
        && !request.Headers.ContainsKey(HeaderNames.IfNoneMatch) && !request.Headers.ContainsKey(HeaderNames.IfModifiedSince)
        && !request.Cookies.ContainsKey(Security.SecurityServices.AuthCookieName)
        && !request.Headers.ContainsKey(HeaderNames.Authorization) && !request.Headers.ContainsKey(HeaderNames.Range);

    static async Task ServeSharedAsync(HttpContext context, RequestDelegate next, long generation, EntityTagHeaderValue tag)
    {
        var cache = context.RequestServices.GetRequiredService<PublicPageCache>();
        cache.Advance(generation);
        var key = PublicPageCache.Key(generation, context.Request);
        if (cache.TryGet(key, out var hit))
        {
            await PublicPageCache.ServeAsync(context, hit, tag);
            return;
        }
        var (render, leader) = cache.Join(key);
        if (!leader)
        {
            if (await render.Task.WaitAsync(context.RequestAborted) is { } shared) await PublicPageCache.ServeAsync(context, shared, tag);
            else await next(context);
            return;
        }
        PublicPageCache.Entry? entry = null;
        var response = context.Response;
        var original = response.Body;
        var tee = new PublicPageCache.Tee(original);
        response.Body = tee;
        try
        {
            await next(context);
            if (response.StatusCode == StatusCodes.Status200OK && !tee.Overflowed && !response.Headers.ContainsKey(HeaderNames.SetCookie)
                && !response.Headers.ContainsKey(HeaderNames.ContentEncoding)
                && !IsNoStore(response))
                entry = PublicPageCache.Capture(response, tee.Captured);
        }
        finally
        {
            response.Body = original;
            cache.Complete(key, render, entry);
        }
    }
}
