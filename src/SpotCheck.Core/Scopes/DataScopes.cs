using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;

namespace SpotCheck.Core.Scopes;

public static class DataScopes
{
    /// <summary>
    /// The scope of one user: the departments they belong to (an Officer also belongs to the department of the
    /// officer they are linked to), plus every department below those, read-only. Administrators and people who
    /// belong to no department see everything.
    /// </summary>
    public static async Task<DataScope> ForUserAsync(AppDbContext db, string userName, IEnumerable<string> roles, CancellationToken ct)
    {
        if (roles.Contains(Roles.Admin, StringComparer.Ordinal)) return DataScope.Everything;
        var user = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => new { u.Id, u.DepartmentId, u.OfficerId }).SingleOrDefaultAsync(ct);
        if (user is null) return DataScope.Everything with { Unrestricted = false };
        var own = await db.UserDepartments.AsNoTracking().Where(m => m.UserId == user.Id).Select(m => m.DepartmentId).ToListAsync(ct);
        if (user.DepartmentId is int linked) own.Add(linked);
        if (own.Count == 0) return DataScope.Everything;
        var tree = await db.Departments.AsNoTracking().Select(d => new DepartmentNode(d.Id, d.Code, d.ParentId)).ToListAsync(ct);
        var acting = tree.Where(d => own.Contains(d.Id)).ToList();
        var readable = Below(tree, acting);
        return new DataScope(false, [.. readable.Select(d => d.Id).Order()], [.. readable.Select(d => d.Code).Order(StringComparer.Ordinal)],
            [.. acting.Select(d => d.Id).Order()], [.. acting.Select(d => d.Code).Order(StringComparer.Ordinal)], user.OfficerId);
    }

    public sealed record DepartmentNode(int Id, string Code, int? ParentId);

    /// <summary>The given departments and all their descendants (a cycle cannot loop: each department is taken once).</summary>
    public static IReadOnlyList<DepartmentNode> Below(IReadOnlyList<DepartmentNode> tree, IEnumerable<DepartmentNode> roots)
    {
        var children = tree.Where(d => d.ParentId is not null).ToLookup(d => d.ParentId!.Value);
        var seen = new Dictionary<int, DepartmentNode>();
        var queue = new Queue<DepartmentNode>(roots);
        while (queue.TryDequeue(out var d))
        {
            if (!seen.TryAdd(d.Id, d)) continue;
            foreach (var c in children[d.Id]) queue.Enqueue(c);
        }
        return [.. seen.Values];
    }
}
