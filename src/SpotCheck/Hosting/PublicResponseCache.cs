using Microsoft.Net.Http.Headers;
using SpotCheck.Core.Data;
using SpotCheck.Core.Publication;

namespace SpotCheck.Hosting;

/// <summary>
/// Revalidation for the portal (SPEC §6): a public page or public API answer is the same for everyone and changes only
/// when the platform's state does, and every state change is an audit entry. So its entity tag is this build plus the
/// audit head's seq; a client holding the current tag gets 304 before routing, authentication or any query but one.
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
        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var tag = new EntityTagHeaderValue($"\"{Build}-{await PublicTotals.GenerationAsync(db, context.RequestAborted)}\"", isWeak: true);
        var response = context.Response;
        if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } held && held.Any(h => h.Compare(tag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.GetTypedHeaders().ETag = tag;
            return;
        }
        response.OnStarting(() =>
        {
            // An endpoint with a tag of its own (the draw record file) keeps it; errors are not cached.
            if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
            {
                response.GetTypedHeaders().ETag = tag;
                response.Headers.CacheControl = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next(context);
    });
}
