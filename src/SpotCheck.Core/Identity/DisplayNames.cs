using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Identity;

/// <summary>People by name, not login: 张明 where the log and the records keep "zhangming".</summary>
public static class DisplayNames
{
    public static async Task<IReadOnlyDictionary<string, string>> ForAsync(AppDbContext db, IEnumerable<string?> userNames, CancellationToken ct)
    {
        var wanted = userNames.OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return new Dictionary<string, string>(StringComparer.Ordinal);
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName, Officer = db.Officers.Where(o => o.Id == u.OfficerId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return users.ToDictionary(u => u.UserName!, u => u.DisplayName is { Length: > 0 } d ? d : u.Officer ?? u.UserName!, StringComparer.Ordinal);
    }

    /// <summary>"张明" for a known user, else the login as recorded (a system actor such as "demo" or "cli").</summary>
    public static string Of(this IReadOnlyDictionary<string, string> names, string? userName) =>
        userName is null ? "" : names.TryGetValue(userName, out var name) ? name : userName;
}
