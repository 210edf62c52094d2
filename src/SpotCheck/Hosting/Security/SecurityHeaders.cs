namespace SpotCheck.Hosting.Security;

/// <summary>
/// Browser hardening on every response (pages, API, static files, errors): scripts only from the site's own files
/// (no inline script or handler), no style attributes, no framing, no MIME sniffing, no referrer to other sites.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The vendored API reference (/scalar) renders its configuration as an inline script and styles itself inline;
    /// it is static, reads only the OpenAPI document and holds no user data.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        // OnStarting: the exception handler clears the headers of a failed response before writing the error.
        ctx.Response.OnStarting(() =>
        {
            var headers = ctx.Response.Headers;
            headers.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(ctx);
    });
}
