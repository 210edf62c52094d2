using Microsoft.AspNetCore.Antiforgery;

namespace SpotCheck.Hosting.Security;

/// <summary>
/// The JSON API accepts the login cookie, so a cross-site page could make the browser send it; SameSite=Lax alone
/// is not enough (same-site subdomains, older browsers). A cookie caller's unsafe request (POST/PUT/PATCH/DELETE,
/// JSON or multipart) must carry the antiforgery token in the <c>RequestVerificationToken</c> header (or form
/// field). Bearer callers are exempt: a browser never adds their header by itself.
/// </summary>
public static class ApiAntiforgery
{
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (NeedsToken(ctx))
        {
            try
            {
                await ctx.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(ctx);
            }
            catch (AntiforgeryValidationException)
            {
                await ProblemWriter.WriteAsync(ctx, StatusCodes.Status400BadRequest,
                    "缺少或无效的防伪令牌：使用登录 Cookie 调用接口时，修改类请求须带 RequestVerificationToken 请求头（或改用 API 令牌）");
                return;
            }
        }
        await next(ctx);
    });

    static bool NeedsToken(HttpContext ctx) =>
        ApiPaths.IsApi(ctx.Request.Path)
        && !(HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method) || HttpMethods.IsOptions(ctx.Request.Method)
             || HttpMethods.IsTrace(ctx.Request.Method))
        && !BearerTokenHandler.HasBearerHeader(ctx.Request)
        && ctx.User.Identity?.IsAuthenticated == true;
}
