using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Evidence;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Pages.Staff.Tasks;

/// <summary>The signed-in user as a <see cref="TaskViewer"/> (officer link from the user record).</summary>
public static class TaskViewers
{
    public static async Task<TaskViewer> ForAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var name = user.Identity?.Name ?? "";
        var officerId = await db.Users.Where(u => u.UserName == name).Select(u => u.OfficerId).SingleOrDefaultAsync(ct);
        return TaskViewer.From(name, officerId, user.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }

    /// <summary>Serves evidence as the evidence handlers decided: images inline, everything else as an attachment.</summary>
    public static IResult File(HttpContext http, OpenEvidence.Content c)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return c.IsImage ? Results.File(c.Bytes, c.ContentType) : Results.File(c.Bytes, c.ContentType, c.FileName);
    }
}
