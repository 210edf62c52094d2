using System.Globalization;
using SpotCheck.Core.Items;

namespace SpotCheck.Core.Transfer;

/// <summary>Check-item import layout (docs/import-layouts.md).</summary>
public static class ItemLayout
{
    public const string Code = "事项编码";
    public const string Name = "事项名称";
    public const string Body = "执法主体";
    public const string Basis = "执法依据";
    public const string Department = "抽查部门代码";
    public const string Target = "对象类型";
    public const string Content = "抽查内容";
    public const string Methods = "抽查方式";
    public const string Category = "事项类别";
    public const string Ratio = "比例与频次";
    public const string EffectiveFrom = "生效日期";

    public static readonly TabularLayout Layout = new(
    [
        new(Code, 14, "必填", "事项编码：字母、数字、_ . -，1–32位（全角自动转为半角）；已有编码按版本规则更新"),
        new(Name, 24, "必填", "事项名称，不超过200字"),
        new(Body, 28, "必填", "执法主体全称，不超过200字"),
        new(Basis, 40, "必填", "执法依据（法律法规及条款），不超过2000字"),
        new(Department, 14, "必填", "已存在的部门代码（可先导入执法检查人员名录建立部门）"),
        new(Target, 14, "必填", "ENTERPRISE（企业）、INDIVIDUAL（个体工商户）、COOPERATIVE（农民专业合作社）或 FOREIGN_REP（外国企业常驻代表机构）"),
        new(Content, 40, "必填", "抽查内容，不超过4000字"),
        new(Methods, 24, "必填", "抽查方式代码，多个用分号“;”分隔：ONSITE、DOCUMENT、ADOPT_RESULT、LAB_TEST、ONLINE、EXPERT_ASSIST"),
        new(Category, 12, "必填", "GENERAL（一般）或 KEY（重点）"),
        new(Ratio, 20, "选填", "比例与频次说明，不超过500字"),
        new(EffectiveFrom, 14, "必填", "日期，如 2026-01-01、2026/1/1、2026年1月1日 或 Excel 日期单元格"),
    ], requiredCount: 11);

    public static IReadOnlyList<string> Headers => Layout.Headers;

    public sealed record Row(int Number, string Code, string DepartmentCode, Func<int, ItemData> Data);

    public static string?[] ToCells(InspectionItem i, string departmentCode) =>
    [
        i.Code, i.Name, i.EnforcementBody, i.LegalBasis, departmentCode, ItemCodes.Code(i.TargetType), i.Content, i.Methods,
        ItemCodes.Code(i.Category), i.RatioFrequencyNote, i.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ];

    public static Row? Parse(TabularRow row, ImportReport errors)
    {
        var c = new LayoutCells(row, errors);
        var code = c.Code(0, Code);
        if (code.Ok && ItemRules.Code(code.Value) is { } e0) c.Fail(Code, e0.Message);
        if (ItemRules.Text(c[1], 200, "Name", Name) is { } e1) c.Fail(Name, e1.Message);
        if (ItemRules.Text(c[2], 200, "EnforcementBody", Body) is { } e2) c.Fail(Body, e2.Message);
        if (ItemRules.Text(c[3], 2000, "LegalBasis", Basis) is { } e3) c.Fail(Basis, e3.Message);
        var dept = c.Code(4, Department);
        if (dept.Ok && Officers.OfficerRules.DepartmentCode(dept.Value) is { } e4) c.Fail(Department, e4.Message);
        var targetText = c.Code(5, Target);
        var target = targetText.Ok ? ItemRules.Target(targetText.Value) : null;
        if (target is { IsSuccess: false }) c.Fail(Target, target.Error!.Message);
        if (ItemRules.Text(c[6], 4000, "Content", Content) is { } e6) c.Fail(Content, e6.Message);
        var methodsText = c.Code(7, Methods);
        var methods = methodsText.Ok ? ItemRules.Methods(methodsText.Value) : null;
        if (methods is { IsSuccess: false }) c.Fail(Methods, methods.Error!.Message);
        var categoryText = c.Code(8, Category);
        var category = categoryText.Ok ? ItemRules.Category(categoryText.Value) : null;
        if (category is { IsSuccess: false }) c.Fail(Category, category.Error!.Message);
        if (c[9] is { Length: > 500 }) c.Fail(Ratio, "比例与频次不能超过500个字符");
        var from = c.Date(10, EffectiveFrom);
        if (c.Failed) return null;
        var cells = row.Cells;
        return new Row(row.Number, code.Value!, dept.Value!, departmentId => new ItemData(cells[1]!.Trim(), cells[2]!.Trim(), cells[3]!.Trim(), departmentId,
            target!.Value, cells[6]!.Trim(), methods!.Value, category!.Value, cells[9]?.Trim() ?? "", from!.Value));
    }
}
