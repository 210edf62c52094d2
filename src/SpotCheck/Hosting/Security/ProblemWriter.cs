using Microsoft.AspNetCore.Mvc;

namespace SpotCheck.Hosting.Security;

/// <summary>401/403 (and refused requests) for the API as ProblemDetails that say nothing about the resource.</summary>
static class ProblemWriter
{
    public static Task WriteAsync(HttpContext ctx, int status, string? title = null)
    {
        ctx.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title ?? (status == StatusCodes.Status401Unauthorized ? "未登录或令牌无效" : "无权访问"),
        };
        return ctx.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = problem }).AsTask();
    }
}
