using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Notices;

/// <summary>One department's notice settings as an Admin sees them; <see cref="IsDefault"/> when never saved.</summary>
public sealed record DepartmentNoticeSettings(int DepartmentId, string DepartmentCode, string DepartmentName, NoticeSettingsData Settings,
    bool IsDefault, string? UpdatedBy, DateTime? UpdatedAtUtc);

/// <summary>Every department with its notice settings (saved or default), by department code.</summary>
public static class ListNoticeSettings
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<DepartmentNoticeSettings>> HandleAsync(CancellationToken ct = default)
        {
            var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
            var saved = await db.NoticeSettings.AsNoTracking().ToDictionaryAsync(s => s.DepartmentId, ct);
            return [.. departments.Select(d => saved.TryGetValue(d.Id, out var s)
                ? new DepartmentNoticeSettings(d.Id, d.Code, d.Name, s.Data, false, s.UpdatedBy, s.UpdatedAtUtc)
                : new DepartmentNoticeSettings(d.Id, d.Code, d.Name, NoticeSettings.Defaults, true, null, null))];
        }

        public async Task<Result<DepartmentNoticeSettings>> OneAsync(int departmentId, CancellationToken ct = default) =>
            (await HandleAsync(ct)).FirstOrDefault(s => s.DepartmentId == departmentId) is { } found ? found : SaveNoticeSettings.DepartmentNotFound;
    }

    /// <summary>The settings a notice of this department is issued with.</summary>
    public static async Task<NoticeSettingsData> ForAsync(AppDbContext db, int departmentId, CancellationToken ct) =>
        (await db.NoticeSettings.AsNoTracking().SingleOrDefaultAsync(s => s.DepartmentId == departmentId, ct))?.Data ?? NoticeSettings.Defaults;
}

/// <summary>An Admin changes a department's notice settings; NOTICE_SETTINGS_CHANGED records the before and after values.</summary>
public static class SaveNoticeSettings
{
    public sealed class Command
    {
        public string InspectionNumberPattern { get; set; } = "";
        public string ResultNumberPattern { get; set; } = "";
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
        public string? ContactAddress { get; set; }
        public int ObjectionWorkdays { get; set; } = NoticeSettings.Defaults.ObjectionWorkdays;
        public string? ReviewBody { get; set; }
        public string? Court { get; set; }

        public static Command From(NoticeSettingsData d) => new()
        {
            InspectionNumberPattern = d.InspectionNumberPattern, ResultNumberPattern = d.ResultNumberPattern, ContactName = d.ContactName,
            ContactPhone = d.ContactPhone, ContactAddress = d.ContactAddress, ObjectionWorkdays = d.ObjectionWorkdays,
            ReviewBody = d.ReviewBody, Court = d.Court,
        };
    }

    public const int MaxObjectionWorkdays = 60;

    internal static readonly Error DepartmentNotFound = new("notice.department", "部门不存在", "departmentId", ErrorKind.NotFound);

    public static Result<NoticeSettingsData> Validate(Command c)
    {
        if (NoticeNumberPattern.Validate(c.InspectionNumberPattern, nameof(c.InspectionNumberPattern), "检查通知书文号格式") is { } e1) return e1;
        if (NoticeNumberPattern.Validate(c.ResultNumberPattern, nameof(c.ResultNumberPattern), "检查结果告知书文号格式") is { } e2) return e2;
        var inspection = c.InspectionNumberPattern.Trim();
        var result = c.ResultNumberPattern.Trim();
        if (inspection == result)
            return new Error("notice.pattern_same", "两种文书的文号格式不能相同，否则文号会重复", nameof(c.ResultNumberPattern));
        if (Optional(c.ContactName, 50, nameof(c.ContactName), "联系人") is { } e3) return e3;
        if (Optional(c.ContactPhone, 50, nameof(c.ContactPhone), "联系电话") is { } e4) return e4;
        if (Optional(c.ContactAddress, 200, nameof(c.ContactAddress), "联系地址") is { } e5) return e5;
        if (Optional(c.ReviewBody, 100, nameof(c.ReviewBody), "行政复议机关") is { } e6) return e6;
        if (Optional(c.Court, 100, nameof(c.Court), "行政诉讼管辖法院") is { } e7) return e7;
        if (c.ObjectionWorkdays is < 1 or > MaxObjectionWorkdays)
            return new Error("notice.objection_days", $"异议期限应为1–{MaxObjectionWorkdays}个工作日", nameof(c.ObjectionWorkdays));
        return new NoticeSettingsData(inspection, result, Clean(c.ContactName), Clean(c.ContactPhone), Clean(c.ContactAddress),
            c.ObjectionWorkdays, Clean(c.ReviewBody), Clean(c.Court));
    }

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(int departmentId, Command cmd, string actor, CancellationToken ct = default)
        {
            var data = Validate(cmd);
            if (!data.IsSuccess) return data.Error!;
            var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == departmentId, ct);
            if (department is null) return DepartmentNotFound;
            var settings = await db.NoticeSettings.SingleOrDefaultAsync(s => s.DepartmentId == departmentId, ct);
            var before = settings?.Data ?? NoticeSettings.Defaults;
            if (settings is not null && before == data.Value) return Result.Ok();
            var now = clock.GetUtcNow().UtcDateTime;
            if (settings is null) db.NoticeSettings.Add(NoticeSettings.Create(departmentId, data.Value, actor, now));
            else settings.Update(data.Value, actor, now);
            await audit.AppendAsync(new AuditEvent("NOTICE_SETTINGS_CHANGED", actor, new JsonObject
            {
                ["departmentId"] = departmentId,
                ["departmentCode"] = department.Code,
                ["before"] = Json(before),
                ["after"] = Json(data.Value),
            }), ct);
            return Result.Ok();
        }
    }

    static JsonObject Json(NoticeSettingsData d) => new()
    {
        ["inspectionNumberPattern"] = d.InspectionNumberPattern,
        ["resultNumberPattern"] = d.ResultNumberPattern,
        ["contactName"] = d.ContactName,
        ["contactPhone"] = d.ContactPhone,
        ["contactAddress"] = d.ContactAddress,
        ["objectionWorkdays"] = d.ObjectionWorkdays,
        ["reviewBody"] = d.ReviewBody,
        ["court"] = d.Court,
    };

    static Error? Optional(string? value, int max, string field, string label) =>
        value is not null && value.Trim().Length > max ? new Error("notice.length", $"{label}不能超过{max}个字符", field)
        : value is not null && value.Any(char.IsControl) ? new Error("notice.text", $"{label}不能包含换行等控制字符", field)
        : null;

    static string Clean(string? value) => value?.Trim() ?? "";
}
