using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Scopes;

namespace SpotCheck.Core.Officers;

/// <summary>Creates or edits an officer (Admin/Planner); every change is audited.</summary>
public static class SaveOfficer
{
    public sealed class Command
    {
        public int? Id { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public int DepartmentId { get; set; }
        public string CertificateNo { get; set; } = "";
        public DateOnly CertificateValidTo { get; set; }
        /// <summary>执法领域, ';'-separated.</summary>
        public string Specialties { get; set; } = "";
        public bool Active { get; set; } = true;
        public int WorkloadCap { get; set; } = 10;
        /// <summary>The row version the edit was made on (form hidden field, API If-Match); null = no check.</summary>
        public int? ExpectedVersion { get; set; }
    }

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<int>> HandleAsync(Command cmd, string actor, CancellationToken ct = default) => db.RunAsync<int>(async () =>
        {
            var code = cmd.Code?.Trim() ?? "";
            if (OfficerRules.Code(code) is { } e1) return e1;
            if (OfficerRules.Required(cmd.Name, 100, nameof(cmd.Name), "姓名") is { } e2) return e2;
            if (OfficerRules.Required(cmd.CertificateNo, 64, nameof(cmd.CertificateNo), "执法证号") is { } e3) return e3;
            if (cmd.WorkloadCap is < 0 or > 10000) return new Error("officer.cap", "工作量上限应为0–10000的整数", nameof(cmd.WorkloadCap));
            if (!await db.Departments.AnyAsync(d => d.Id == cmd.DepartmentId, ct))
                return new Error("officer.department", "所属部门不存在", nameof(cmd.DepartmentId));
            if (await db.Officers.AnyAsync(o => o.Code == code && o.Id != (cmd.Id ?? 0), ct))
                return new Error("officer.duplicate_code", "人员编号已存在", nameof(cmd.Code), ErrorKind.Conflict);

            var data = new OfficerData(code, cmd.Name.Trim(), cmd.DepartmentId, cmd.CertificateNo.Trim(), cmd.CertificateValidTo,
                OfficerRules.Specialties(cmd.Specialties), cmd.Active, cmd.WorkloadCap);
            var now = clock.GetUtcNow().UtcDateTime;
            Officer officer;
            IReadOnlyList<string> changed;
            if (cmd.Id is { } id)
            {
                var found = await db.Officers.InScope(db.Scope).SingleOrDefaultAsync(o => o.Id == id, ct);
                if (found is null) return new Error("officer.not_found", "执法检查人员不存在", Kind: ErrorKind.NotFound);
                officer = found;
                if (cmd.ExpectedVersion is int seen && seen != officer.RowVersion)
                    return Error.Stale("该执法检查人员", seen, officer.RowVersion, []);
                changed = officer.Update(data, now);
                if (changed.Count == 0) return officer.Id;
            }
            else
            {
                officer = Officer.Create(data, now);
                db.Officers.Add(officer);
                changed = ["created"];
            }
            var fields = new JsonArray();
            foreach (var f in changed) fields.Add(f);
            await audit.AppendAsync(new AuditEvent("OFFICER_UPDATED", actor, new JsonObject { ["officer"] = code, ["fields"] = fields }), ct);
            return officer.Id;
        }, ct);
    }
}

/// <summary>Creates or renames a department.</summary>
public static class SaveDepartment
{
    /// <param name="ParentCode">The superior department's code; null leaves it as it is, "" makes the department top-level.</param>
    public sealed record Command(string Code, string Name, string? ParentCode = null);

    public sealed class Handler(AppDbContext db, AuditLog audit)
    {
        public Task<Result<int>> HandleAsync(Command cmd, string actor, CancellationToken ct = default) => db.RunAsync<int>(async () =>
        {
            var code = cmd.Code?.Trim() ?? "";
            if (OfficerRules.DepartmentCode(code) is { } e1) return e1;
            if (OfficerRules.Required(cmd.Name, 100, nameof(cmd.Name), "部门名称") is { } e2) return e2;
            var department = await db.Departments.SingleOrDefaultAsync(d => d.Code == code, ct);
            var name = cmd.Name.Trim();
            var parentCode = cmd.ParentCode?.Trim();
            int? parentId = department?.ParentId;
            if (parentCode is { Length: > 0 })
            {
                var tree = await db.Departments.AsNoTracking().Select(d => new Scopes.DataScopes.DepartmentNode(d.Id, d.Code, d.ParentId)).ToListAsync(ct);
                var parent = tree.SingleOrDefault(d => d.Code == parentCode);
                if (parent is null) return new Error("department.parent", $"上级部门“{parentCode}”不存在", nameof(cmd.ParentCode));
                if (department is not null && Scopes.DataScopes.Below(tree, tree.Where(d => d.Id == department.Id)).Any(d => d.Id == parent.Id))
                    return new Error("department.parent", "上级部门不能是本部门或本部门的下级", nameof(cmd.ParentCode));
                parentId = parent.Id;
            }
            else if (parentCode is not null) parentId = null;
            if (department is null) db.Departments.Add(department = new Department(code, name));
            else if (department.Name == name && department.ParentId == parentId) return department.Id;
            else department.Rename(name);
            department.MoveUnder(parentId);
            await audit.AppendAsync(new AuditEvent("DEPARTMENT_SAVED", actor, new JsonObject
            {
                ["code"] = code, ["name"] = department.Name, ["parentId"] = parentId,
            }), ct);
            return department.Id;
        }, ct);
    }
}

/// <summary>Records a declared 回避 reason between an officer and an enterprise.</summary>
public static class DeclareConflict
{
    public sealed record Command(int OfficerId, int EnterpriseId, ConflictKind Kind, string? Note);

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<int>> HandleAsync(Command cmd, string actor, CancellationToken ct = default) => db.RunAsync<int>(async () =>
        {
            var officer = await db.Officers.InScope(db.Scope).Include(o => o.Conflicts).SingleOrDefaultAsync(o => o.Id == cmd.OfficerId, ct);
            if (officer is null) return new Error("officer.not_found", "执法检查人员不存在", Kind: ErrorKind.NotFound);
            var uscc = await db.Enterprises.Where(e => e.Id == cmd.EnterpriseId).Select(e => e.Uscc).SingleOrDefaultAsync(ct);
            if (uscc is null) return new Error("enterprise.not_found", "检查对象不存在", nameof(cmd.EnterpriseId), ErrorKind.NotFound);
            if (officer.Conflicts.Any(c => c.IsActive && c.EnterpriseId == cmd.EnterpriseId && c.Kind == cmd.Kind))
                return new Error("officer.conflict_exists", "该回避事由已申报", nameof(cmd.Kind), ErrorKind.Conflict);
            if (cmd.Note is { Length: > 500 }) return new Error("officer.note", "说明不能超过500个字符", nameof(cmd.Note));
            var conflict = officer.DeclareConflict(cmd.EnterpriseId, cmd.Kind, EnterpriseRulesNote(cmd.Note), clock.GetUtcNow().UtcDateTime);
            await audit.AppendAsync(new AuditEvent("OFFICER_CONFLICT_DECLARED", actor, new JsonObject
            {
                ["officer"] = officer.Code,
                ["uscc"] = uscc,
                ["kind"] = cmd.Kind.ToString(),
            }), ct);
            return conflict.Id;
        }, ct);

        static string? EnterpriseRulesNote(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

/// <summary>Officers with their department for the list page (the directory is small).</summary>
public static class ListOfficers
{
    public sealed record Row(int Id, string Code, string Name, string DepartmentCode, string DepartmentName, string CertificateNo,
        DateOnly CertificateValidTo, string Specialties, bool Active, int WorkloadCap, bool IsDemo, int ConflictCount);

    public sealed record Page(int Total, IReadOnlyList<Row> Rows);

    /// <summary>One page in code order, counted and cut in SQL (a province's directory holds tens of thousands).</summary>
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> HandleAsync(int? departmentId, int skip, int take, CancellationToken ct = default)
        {
            var q = Of(departmentId);
            var total = await q.CountAsync(ct);
            var rows = await q.OrderBy(o => o.Code).Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 1000)).Select(o => new Row(o.Id, o.Code, o.Name,
                o.Department!.Code, o.Department.Name, o.CertificateNo, o.CertificateValidTo, o.Specialties, o.Active, o.WorkloadCap, o.IsDemo,
                o.Conflicts.Count(c => c.WithdrawnAtUtc == null))).ToListAsync(ct);
            return new Page(total, rows);
        }

        /// <summary>Officers who may be drawn today: on duty with a valid certificate.</summary>
        public Task<int> CountReadyAsync(int? departmentId, DateOnly today, CancellationToken ct = default) =>
            Of(departmentId).CountAsync(o => o.Active && o.CertificateValidTo >= today, ct);

        IQueryable<Officer> Of(int? departmentId)
        {
            var q = db.Officers.InScope(db.Scope).AsNoTracking();
            return departmentId is { } d ? q.Where(o => o.DepartmentId == d) : q;
        }
    }
}
