using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Scopes;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Data;

/// <summary>
/// Department scopes (see <see cref="DataScope"/>): plans, draws and tasks outside the person's readable departments
/// are filtered out of every query; changes are checked at save against the departments the person acts for. Code
/// that must see every department (the draw frame: yearly cap, exclusion window, officer loads) says so with
/// <c>IgnoreQueryFilters()</c>.
/// </summary>
public sealed partial class AppDbContext
{
    readonly DataScopeHolder? _scopeHolder;

    public AppDbContext(DbContextOptions<AppDbContext> options, DataScopeHolder scope) : this(options) => _scopeHolder = scope;

    public DbSet<UserDepartment> UserDepartments => Set<UserDepartment>();

    public DataScope Scope => _scopeHolder?.Current ?? DataScope.Everything;

    // Read by the query filters at each execution (EF parameterises members of the context).
    bool ScopeUnrestricted => Scope.Unrestricted;
    int[] ScopeReadableIds => Scope.ReadableIds;
    string[] ScopeReadableCodes => Scope.ReadableCodes;
    int? ScopeOfficerId => Scope.OfficerId;

    void ConfigureScopes(ModelBuilder builder)
    {
        builder.Entity<Plan>().HasQueryFilter(p => ScopeUnrestricted
            || p.DepartmentCodes.Any(c => ScopeReadableCodes.Contains(c)));
        // The visible plans as an uncorrelated IN: PostgreSQL hashes them once per query. A correlated EXISTS per task
        // was costed high enough to be JIT-compiled: counting 100,000 tasks took 140 ms instead of 16 ms.
        builder.Entity<DrawSession>().HasQueryFilter(d => ScopeUnrestricted || Set<Plan>().Select(p => p.Id).Contains(d.PlanId));
        builder.Entity<InspectionTask>().HasQueryFilter(t => ScopeUnrestricted
            || (t.PlanId != null ? Set<Plan>().Select(p => (int?)p.Id).Contains(t.PlanId)
                : t.DepartmentId == null || ScopeReadableIds.Contains(t.DepartmentId.Value))
            || (ScopeOfficerId != null && t.Members.Any(m => m.IsActive && m.OfficerId == ScopeOfficerId)));
    }

    /// <summary>Refuses a save that adds or changes another department's work (a superior's read-only view included).</summary>
    async Task CheckScopeAsync(CancellationToken ct)
    {
        var scope = Scope;
        if (scope.Unrestricted) return;
        var tasks = new Dictionary<int, bool>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var allowed = entry.Entity switch
            {
                Plan p => scope.ActsForAny(p.DepartmentCodeList)
                    && (entry.State == EntityState.Added || scope.ActsForAny((string[])entry.Property(nameof(Plan.DepartmentCodes)).OriginalValue!)),
                DrawSession d => scope.ActsForAny(await PlanCodesAsync(d.PlanId, ct)),
                InspectionTask t => await MayChangeTaskAsync(scope, t, entry.State, ct),
                Officer o => scope.ActsFor(o.DepartmentId) && scope.ActsFor((int)entry.Property(nameof(Officer.DepartmentId)).OriginalValue!),
                InspectionItem i => scope.ActsFor(i.DepartmentId) && scope.ActsFor((int)entry.Property(nameof(InspectionItem.DepartmentId)).OriginalValue!),
                OfficerConflict c => scope.ActsFor(await Officers.Where(o => o.Id == c.OfficerId).Select(o => o.DepartmentId).SingleAsync(ct)),
                // A task's records, members, evidence, follow-ups, notices and published results go with the task.
                _ when entry.Metadata.FindProperty(nameof(InspectionRecord.TaskId)) is not null => await MayChangeTaskRowAsync(scope, entry, tasks, ct),
                _ => true,
            };
            if (!allowed) throw new OutOfScopeException("这项工作属于其他部门（上级部门只能查看下级部门的工作），不能修改");
        }
    }

    async Task<bool> MayChangeTaskAsync(DataScope scope, InspectionTask t, EntityState state, CancellationToken ct)
    {
        // Drawn, substitute and re-check tasks are made by a step already checked on their draw or original task.
        if (state == EntityState.Added && (t.PlanId != null || t.RecheckOfTaskId != null)) return true;
        if (scope.OfficerId is int officer && t.HasActiveMember(officer)) return true;
        return t.PlanId is int planId ? scope.ActsForAny(await PlanCodesAsync(planId, ct)) : t.DepartmentId is not int d || scope.ActsFor(d);
    }

    async Task<bool> MayChangeTaskRowAsync(DataScope scope, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry row,
        Dictionary<int, bool> known, CancellationToken ct)
    {
        var taskId = row.Property(nameof(InspectionRecord.TaskId));
        if (taskId.IsTemporary || taskId.CurrentValue is not int id) return true; // a row of a task added in this save
        if (known.TryGetValue(id, out var allowed)) return allowed;
        var task = await InspectionTasks.IgnoreQueryFilters().AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == id, ct);
        return known[id] = task is null || await MayChangeTaskAsync(scope, task, EntityState.Modified, ct);
    }

    async Task<IReadOnlyList<string>> PlanCodesAsync(int planId, CancellationToken ct) =>
        await Plans.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == planId).Select(p => p.DepartmentCodes).SingleOrDefaultAsync(ct) ?? [];
}
