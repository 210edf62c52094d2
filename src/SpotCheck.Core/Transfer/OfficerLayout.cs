using System.Globalization;
using SpotCheck.Core.Officers;

namespace SpotCheck.Core.Transfer;

/// <summary>Officer import layout (docs/import-layouts.md).</summary>
public static class OfficerLayout
{
    public const string Code = "人员编号";
    public const string Name = "姓名";
    public const string DepartmentCode = "部门代码";
    public const string DepartmentName = "部门名称";
    public const string Certificate = "执法证号";
    public const string ValidTo = "证件有效期至";
    public const string Specialties = "执法领域";
    public const string Active = "在岗";
    public const string Cap = "工作量上限";

    public static readonly IReadOnlyList<string> Headers = [Code, Name, DepartmentCode, DepartmentName, Certificate, ValidTo, Specialties, Active, Cap];

    public static readonly string?[] Example =
        ["XP-OFF-01", "张明", "XPKGJ", "西平县科技和工业信息化局", "豫DEMO-411721-0001", "2028-12-31", "工业和信息化;煤炭经营", "是", "20"];

    public sealed record Row(int Number, string Code, string Name, string DepartmentCode, string? DepartmentName, string CertificateNo,
        DateOnly ValidTo, IReadOnlyList<string> Specialties, bool Active, int Cap);

    public static string?[] ToCells(Officer o) =>
    [
        o.Code, o.Name, o.Department!.Code, o.Department.Name, o.CertificateNo,
        o.CertificateValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.Specialties, o.Active ? "是" : "否",
        o.WorkloadCap.ToString(CultureInfo.InvariantCulture),
    ];

    public static Row? Parse(TabularRow row, RowErrors errors)
    {
        var c = row.Cells;
        var before = errors.Count;
        void Fail(string column, string message) => errors.Add(row.Number, column, message);
        var code = c[0]?.Trim();
        if (OfficerRules.Code(code) is { } e0) Fail(Code, e0.Message);
        if (OfficerRules.Required(c[1], 100, "Name", Name) is { } e1) Fail(Name, e1.Message);
        var dept = c[2]?.Trim();
        if (OfficerRules.DepartmentCode(dept) is { } e2) Fail(DepartmentCode, e2.Message);
        if (c[3] is { Length: > 100 }) Fail(DepartmentName, "部门名称不能超过100个字符");
        if (OfficerRules.Required(c[4], 64, "CertificateNo", Certificate) is { } e4) Fail(Certificate, e4.Message);
        var validTo = OfficerRules.Date(c[5], "CertificateValidTo", ValidTo);
        if (!validTo.IsSuccess) Fail(ValidTo, validTo.Error!.Message);
        var active = Enterprises.EnterpriseRules.YesNo(c[7], "Active", Active);
        if (!active.IsSuccess) Fail(Active, active.Error!.Message);
        var cap = OfficerRules.WorkloadCap(c[8]);
        if (!cap.IsSuccess) Fail(Cap, cap.Error!.Message);
        if (errors.Count > before) return null;
        return new Row(row.Number, code!, c[1]!.Trim(), dept!, Enterprises.EnterpriseRules.Clean(c[3]), c[4]!.Trim(), validTo.Value,
            OfficerRules.Specialties(c[6]), active.Value, cap.Value);
    }
}
