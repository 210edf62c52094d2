using System.Security.Claims;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Api;

/// <summary>Who the caller is: a cheap check that a cookie or bearer token works.</summary>
public static class MeApi
{
    public sealed record MeDto(string UserName, IReadOnlyList<string> Roles);

    public static void MapMeApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeDto(
                user.Identity?.Name ?? "",
                [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal)])))
            .RequireAuthorization(Policies.Staff).WithTags("me").WithSummary("当前用户与角色");
}
