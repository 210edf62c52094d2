using Microsoft.AspNetCore.Mvc;

namespace SpotCheck.Hosting.Security;

/// <summary>401/403 for the API as ProblemDetails that say nothing about the resource.</summary>
static class ProblemWriter
{
    public static Task WriteAsync(HttpContext ctx, int status)
    {
        ctx.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status401Unauthorized ? "未登录或令牌无效" : "无权访问",
        };
        return ctx.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = problem }).AsTask();
    }
}
