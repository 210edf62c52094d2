using System.Globalization;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Officers;

/// <summary>Field rules shared by the officer form and the import.</summary>
public static class OfficerRules
{
    public static Error? Code(string? code) =>
        code is not null && Officer.IsValidCode(code) ? null
        : new("officer.code", "人员编号只能包含字母、数字、_ . -，长度1–64", nameof(Officer.Code));

    public static Error? DepartmentCode(string? code) =>
        code is not null && Department.IsValidCode(code) ? null
        : new("department.code", "部门代码只能包含字母、数字、_ . -，长度1–32", nameof(Department.Code));

    public static Error? Required(string? value, int max, string field, string label) =>
        string.IsNullOrWhiteSpace(value) ? new("officer.required", $"{label}不能为空", field)
        : value.Trim().Length > max ? new("officer.length", $"{label}不能超过{max}个字符", field)
        : null;

    public static Result<DateOnly> Date(string? text, string field, string label) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : new Error("officer.date", $"{label}应为 YYYY-MM-DD 格式的日期", field);

    public static Result<int> WorkloadCap(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 10000
            ? n : new Error("officer.cap", "工作量上限应为0–10000的整数", nameof(Officer.WorkloadCap));

    public static IReadOnlyList<string> Specialties(string? text) =>
        [.. (text ?? "").Split([';', '；', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
