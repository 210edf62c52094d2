using System.Globalization;
using SpotCheck.Core.Enterprises;
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

    public static readonly TabularLayout Layout = new(
    [
        new(Code, 14, "必填", "人员编号：字母、数字、_ . -，1–64位（全角自动转为半角），抽取时使用的编号；已有编号更新该人员"),
        new(Name, 12, "必填", "姓名，不超过100字"),
        new(DepartmentCode, 12, "必填", "部门代码：字母、数字、_ . -，1–32位"),
        new(DepartmentName, 32, "新建部门时必填", "部门代码尚不存在时填写部门全称，导入时新建该部门"),
        new(Certificate, 24, "必填", "执法证号，不超过64个字符"),
        new(ValidTo, 14, "必填", "日期，如 2028-12-31、2028/12/31、2028年12月31日 或 Excel 日期单元格；过期的人员不参加抽取"),
        new(Specialties, 30, "选填", "执法领域，多个用分号“;”或顿号“、”分隔"),
        new(Active, 8, "必填", "是 或 否"),
        new(Cap, 12, "必填", "每个计划年度最多承担的检查任务数，0–10000 的整数"),
    ], requiredCount: 9);

    public static IReadOnlyList<string> Headers => Layout.Headers;

    public sealed record Row(int Number, string Code, string Name, string DepartmentCode, string? DepartmentName, string CertificateNo,
        DateOnly ValidTo, IReadOnlyList<string> Specialties, bool Active, int Cap);

    public static string?[] ToCells(Officer o) =>
    [
        o.Code, o.Name, o.Department!.Code, o.Department.Name, o.CertificateNo,
        o.CertificateValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.Specialties, o.Active ? "是" : "否",
        o.WorkloadCap.ToString(CultureInfo.InvariantCulture),
    ];

    public static Row? Parse(TabularRow row, ImportReport errors)
    {
        var c = new LayoutCells(row, errors);
        var code = c.Code(0, Code);
        if (code.Ok && OfficerRules.Code(code.Value) is { } e0) c.Fail(Code, e0.Message);
        if (OfficerRules.Required(c[1], 100, "Name", Name) is { } e1) c.Fail(Name, e1.Message);
        var dept = c.Code(2, DepartmentCode);
        if (dept.Ok && OfficerRules.DepartmentCode(dept.Value) is { } e2) c.Fail(DepartmentCode, e2.Message);
        if (c[3] is { Length: > 100 }) c.Fail(DepartmentName, "部门名称不能超过100个字符");
        var certificate = c.Code(4, Certificate);
        if (certificate.Ok && OfficerRules.Required(certificate.Value, 64, "CertificateNo", Certificate) is { } e4) c.Fail(Certificate, e4.Message);
        var validTo = c.Date(5, ValidTo);
        var active = EnterpriseRules.YesNo(c[7], "Active", Active);
        if (!active.IsSuccess) c.Fail(Active, active.Error!.Message);
        var capText = c.Code(8, Cap);
        var cap = capText.Ok ? OfficerRules.WorkloadCap(capText.Value) : null;
        if (cap is { IsSuccess: false }) c.Fail(Cap, cap.Error!.Message);
        if (c.Failed) return null;
        return new Row(row.Number, code.Value!, c[1]!.Trim(), dept.Value!, EnterpriseRules.Clean(c[3]), certificate.Value!, validTo!.Value,
            OfficerRules.Specialties(c[6]), active.Value, cap!.Value);
    }
}
