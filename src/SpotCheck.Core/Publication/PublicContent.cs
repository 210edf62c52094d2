using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Publication;

/// <summary>
/// What the public may see of reviewed results, gathered from the task, its record, items, departments and enterprise
/// (SPEC §5): name, USCC, items, 检查实施机关, type, date, result, follow-up. Nothing else is read, so nothing else can
/// leak: no contact data, officers, evidence, conflicts, findings text or remarks.
/// </summary>
static class PublicContent
{
    public static async Task<IReadOnlyDictionary<int, PublicResultContent>> GatherAsync(AppDbContext db, IReadOnlyList<InspectionTask> tasks, CancellationToken ct)
    {
        var taskIds = tasks.Select(t => t.Id).ToList();
        var records = await db.InspectionRecords.AsNoTracking().Where(r => taskIds.Contains(r.TaskId))
            .Select(r => new { r.TaskId, r.InspectedOn, r.Results, r.FollowUps }).ToDictionaryAsync(r => r.TaskId, ct);
        var enterpriseIds = tasks.Select(t => t.EnterpriseId).Distinct().ToList();
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => enterpriseIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.Uscc, e.IsDemo }).ToDictionaryAsync(e => e.Id, ct);
        var itemIds = tasks.SelectMany(t => t.ItemIdList).Distinct().ToList();
        var items = await db.InspectionItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Code, i.Name, i.DepartmentId }).ToDictionaryAsync(i => i.Id, ct);
        var planIds = tasks.Where(t => t.PlanId is not null).Select(t => t.PlanId!.Value).Distinct().ToList();
        var planDepartments = (await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.DepartmentCodes }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.DepartmentCodes);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        var departmentByCode = departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var departmentById = departments.ToDictionary(d => d.Id);

        var contents = new Dictionary<int, PublicResultContent>();
        foreach (var task in tasks)
        {
            var record = records[task.Id];
            var enterprise = enterprises[task.EnterpriseId];
            var taskItems = task.ItemIdList.Select(id => items[id]).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
            // 检查实施机关: the plan's departments for a drawn (or joint) check, else the departments of its items.
            var codes = task.PlanId is int planId && planDepartments.TryGetValue(planId, out var planCodes)
                ? planCodes
                : taskItems.Select(i => departmentById[i.DepartmentId].Code).Distinct(StringComparer.Ordinal).ToArray();
            var taskDepartments = codes.Where(departmentByCode.ContainsKey).Order(StringComparer.Ordinal)
                .Select(c => (departmentByCode[c].Code, departmentByCode[c].Name)).ToList();
            var results = Split(record.Results);
            var followUps = Split(record.FollowUps);
            contents[task.Id] = new PublicResultContent(task.Id, task.EnterpriseId, enterprise.Name, enterprise.Uscc, task.IsRandom,
                record.InspectedOn, [.. taskItems.Select(i => (i.Code, i.Name))], taskDepartments,
                results, RecordCodes.Labels(results, RecordCodes.Results), followUps, RecordCodes.Labels(followUps, RecordCodes.FollowUps),
                enterprise.IsDemo);
        }
        return contents;
    }

    static IReadOnlyList<string> Split(string s) => s.Length == 0 ? [] : s.Split(';');

    /// <summary>The SHA-256 of the published rows' public fields in a fixed order, for the audit entry.</summary>
    public static string Hash(IEnumerable<PublishedResult> rows) => SpotCheck.Draw.DrawHash.Sha256Hex(string.Join('\n', rows.OrderBy(r => r.TaskId)
        .Select(r => r.TaskId.ToString(CultureInfo.InvariantCulture) + "\t" + r.Version.ToString(CultureInfo.InvariantCulture) + "\t" + Fields(r))));

    /// <summary>The public fields of a row, version aside.</summary>
    public static string Fields(PublishedResult r) => string.Join('\t', r.Uscc, r.EnterpriseName, r.ItemNames, r.DepartmentNames, r.CheckType,
        r.InspectedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.ResultText, r.FollowUpText);
}
