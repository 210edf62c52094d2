using System.Net;
using System.Security.Claims;
using SpotCheck.Core.Data;
using SpotCheck.Core.Scopes;

namespace SpotCheck.Hosting.Security;

/// <summary>
/// Sets each signed-in request's department scope (the public portal is the same for everyone) and answers a change
/// outside it with 403 and the reason: ProblemDetails on the API, a short page in the UI. Nothing was saved.
/// </summary>
public static class DataScopeSetup
{
    public static IServiceCollection AddDataScopes(this IServiceCollection services) => services.AddScoped<DataScopeHolder>();

    public static IApplicationBuilder UseDataScopes(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity is { IsAuthenticated: true, Name: { } name } && !PublicResponseCache.IsPublic(http.Request.Path))
        {
            var db = http.RequestServices.GetRequiredService<AppDbContext>();
            var roles = http.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
            http.RequestServices.GetRequiredService<DataScopeHolder>().Current = await DataScopes.ForUserAsync(db, name, roles, http.RequestAborted);
        }
        try
        {
            await next(http);
        }
        catch (OutOfScopeException e) when (!http.Response.HasStarted)
        {
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            if (ApiPaths.IsApi(http.Request.Path))
                await Results.Problem(title: "无权修改", detail: e.Message, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
            else
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync($"""
                    <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                    <title>无权修改</title></head><body><h1>无权修改</h1><p id="scope-error">{WebUtility.HtmlEncode(e.Message)}</p>
                    <p><a href="/Staff">返回工作台</a></p></body></html>
                    """);
            }
        }
    });
}
