using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Api;

/// <summary>Read-only user list for administrators (no password or token data).</summary>
public static class UsersApi
{
    public sealed record UserDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut);

    public static void MapUsersApi(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(Policies.Admin).WithTags("users");
        users.MapGet("/", ListAsync).WithSummary("用户列表（系统管理员）");
    }

    static async Task<Results<Ok<ListResult<UserDto>>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        var total = await db.Users.CountAsync(ct);
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(u => new
            {
                u.UserName, u.DisplayName, u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = rows.Select(r => new UserDto(r.UserName!, r.DisplayName, [.. r.Roles.Order(StringComparer.Ordinal)],
            r.LockoutEnd is { } end && end > now)).ToList();
        return TypedResults.Ok(paging.Wrap(total, items));
    }
}
