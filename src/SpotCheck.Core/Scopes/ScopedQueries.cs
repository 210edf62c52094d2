using SpotCheck.Core.Officers;

namespace SpotCheck.Core.Scopes;

public static class ScopedQueries
{
    /// <summary>
    /// Officers of the readable departments. Not a global filter on purpose: a joint team shows every member's name,
    /// and the draw frame counts officers of all the plan's departments.
    /// </summary>
    public static IQueryable<Officer> InScope(this IQueryable<Officer> officers, DataScope scope) =>
        scope.Unrestricted ? officers : officers.Where(o => scope.ReadableIds.Contains(o.DepartmentId));
}
