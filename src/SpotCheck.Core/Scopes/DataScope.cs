namespace SpotCheck.Core.Scopes;

/// <summary>
/// Whose work a signed-in person sees and changes. People act for the departments they belong to and read those
/// departments' subordinates (county bureau → city → province) read-only. Plans, draws and tasks outside the readable
/// departments are invisible (a request by id answers 404); officers are listed per department; the enterprise
/// directory and the item list (both public information) are shared. An Officer always sees the tasks on whose team
/// they are. The CLI, the public portal, administrators and people who belong to no department see everything.
/// </summary>
public sealed record DataScope(bool Unrestricted, int[] ReadableIds, string[] ReadableCodes, int[] ActingIds, string[] ActingCodes,
    int? OfficerId = null)
{
    public static readonly DataScope Everything = new(true, [], [], [], []);

    public bool Reads(int departmentId) => Unrestricted || ReadableIds.Contains(departmentId);

    public bool ActsFor(int departmentId) => Unrestricted || ActingIds.Contains(departmentId);

    public bool ActsForAny(IEnumerable<string> codes) => Unrestricted || codes.Any(c => ActingCodes.Contains(c, StringComparer.Ordinal));

    public bool ReadsAny(IEnumerable<string> codes) => Unrestricted || codes.Any(c => ReadableCodes.Contains(c, StringComparer.Ordinal));
}

/// <summary>The current request's scope; the database context reads it at each query, so it may be set after the context exists.</summary>
public sealed class DataScopeHolder
{
    public DataScope Current { get; set; } = DataScope.Everything;
}

/// <summary>A change to another department's work (a superior reads its subordinates' work but does not change it).</summary>
public sealed class OutOfScopeException(string message) : InvalidOperationException(message);
