using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;
using SpotCheck.Core.Officers;

namespace SpotCheck.Core.Transfer;

/// <summary>Imports of the two small lists (officers, check items): validate every row, then save all in one transaction.</summary>
public static class ImportOfficers
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public async Task<ImportResult> HandleAsync(Stream stream, TabularFormat format, string fileSha256, string actor, CancellationToken ct = default)
        {
            var errors = new ImportReport();
            var rows = new List<OfficerLayout.Row>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var departmentNames = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var row in TabularFile.ReadRows(stream, format, OfficerLayout.Layout, errors))
            {
                if (row.IsEmpty) continue;
                if (OfficerLayout.Parse(row, errors) is not { } parsed) continue;
                if (seen.TryGetValue(parsed.Code, out var first)) errors.Add(row.Number, OfficerLayout.Code, $"人员编号与第{first}行重复");
                else seen[parsed.Code] = row.Number;
                rows.Add(parsed);
            }
            var departments = await db.Departments.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
            foreach (var r in rows.Where(r => !departments.ContainsKey(r.DepartmentCode)))
            {
                if (r.DepartmentName is null && !departmentNames.ContainsKey(r.DepartmentCode))
                    errors.Add(r.Number, OfficerLayout.DepartmentName, $"部门代码“{r.DepartmentCode}”不存在，新建部门需填写部门名称");
                else if (r.DepartmentName is not null) departmentNames.TryAdd(r.DepartmentCode, r.DepartmentName);
            }
            if (errors.Count > 0) return ImportResult.Failed(errors, fileSha256);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var (code, name) in departmentNames)
            {
                var department = new Department(code, name!);
                db.Departments.Add(department);
                departments[code] = department;
            }
            await db.SaveChangesAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var existing = await db.Officers.ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, ct);
            int created = 0, updated = 0;
            foreach (var r in rows)
            {
                var data = new OfficerData(r.Code, r.Name, departments[r.DepartmentCode].Id, r.CertificateNo, r.ValidTo, r.Specialties, r.Active, r.Cap);
                if (existing.TryGetValue(r.Code, out var officer))
                {
                    if (officer.Update(data, now).Count > 0) updated++;
                }
                else
                {
                    db.Officers.Add(Officer.Create(data, now));
                    created++;
                }
            }
            await audit.AppendAsync(new AuditEvent("OFFICER_IMPORTED", actor, new JsonObject
            {
                ["fileSha256"] = fileSha256, ["rows"] = rows.Count, ["created"] = created, ["updated"] = updated,
                ["departmentsCreated"] = departmentNames.Count,
            }), ct);
            await tx.CommitAsync(ct);
            return ImportResult.Succeeded(errors, rows.Count, created, updated, fileSha256);
        }
    }
}

public static class ImportItems
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public async Task<ImportResult> HandleAsync(Stream stream, TabularFormat format, string fileSha256, string actor, CancellationToken ct = default)
        {
            var errors = new ImportReport();
            var rows = new List<ItemLayout.Row>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in TabularFile.ReadRows(stream, format, ItemLayout.Layout, errors))
            {
                if (row.IsEmpty) continue;
                if (ItemLayout.Parse(row, errors) is not { } parsed) continue;
                if (seen.TryGetValue(parsed.Code, out var first)) errors.Add(row.Number, ItemLayout.Code, $"事项编码与第{first}行重复");
                else seen[parsed.Code] = row.Number;
                rows.Add(parsed);
            }
            var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.Ordinal, ct);
            foreach (var r in rows.Where(r => !departments.ContainsKey(r.DepartmentCode)))
                errors.Add(r.Number, ItemLayout.Department, $"部门代码“{r.DepartmentCode}”不存在，请先在人员名录中建立该部门");
            if (errors.Count > 0) return ImportResult.Failed(errors, fileSha256);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var codes = rows.Select(r => r.Code).ToList();
            var latest = (await db.InspectionItems.Where(i => codes.Contains(i.Code)).ToListAsync(ct))
                .GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(i => i.Version)!, StringComparer.Ordinal);
            int created = 0, updated = 0;
            foreach (var r in rows)
            {
                latest.TryGetValue(r.Code, out var current);
                var applied = SaveItem.Apply(db, current, r.Code, r.Data(departments[r.DepartmentCode]), now);
                if (!applied.IsSuccess) errors.Add(r.Number, ItemLayout.Code, applied.Error!.Message);
                else if (applied.Value is not null)
                {
                    if (current is null) created++;
                    else updated++;
                }
            }
            if (errors.Count > 0)
            {
                await tx.RollbackAsync(ct);
                return ImportResult.Failed(errors, fileSha256);
            }
            await audit.AppendAsync(new AuditEvent("ITEM_IMPORTED", actor, new JsonObject
            {
                ["fileSha256"] = fileSha256, ["rows"] = rows.Count, ["created"] = created, ["updated"] = updated,
            }), ct);
            await tx.CommitAsync(ct);
            return ImportResult.Succeeded(errors, rows.Count, created, updated, fileSha256);
        }
    }
}
