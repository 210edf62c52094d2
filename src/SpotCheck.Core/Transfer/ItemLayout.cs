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

    public static readonly IReadOnlyList<string> Headers = [Code, Name, Body, Basis, Department, Target, Content, Methods, Category, Ratio, EffectiveFrom];

    public static readonly string?[] Example =
    [
        "DEMO-COAL", "煤炭经营", "西平县科技和工业信息化局", "《煤炭法》;《煤炭经营监管办法》(国家发展改革委令第13号)", "XPKGJ", "ENTERPRISE",
        "告知性备案及变更;年度报告报送;购销合同签订与履行", "DOCUMENT;ONSITE", "GENERAL", "5%，每年一次", "2026-01-01",
    ];

    public sealed record Row(int Number, string Code, string DepartmentCode, Func<int, ItemData> Data);

    public static string?[] ToCells(InspectionItem i, string departmentCode) =>
    [
        i.Code, i.Name, i.EnforcementBody, i.LegalBasis, departmentCode, ItemCodes.Code(i.TargetType), i.Content, i.Methods,
        ItemCodes.Code(i.Category), i.RatioFrequencyNote, i.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ];

    public static Row? Parse(TabularRow row, RowErrors errors)
    {
        var c = row.Cells;
        var before = errors.Count;
        void Fail(string column, string message) => errors.Add(row.Number, column, message);
        var code = c[0]?.Trim();
        if (ItemRules.Code(code) is { } e0) Fail(Code, e0.Message);
        if (ItemRules.Text(c[1], 200, "Name", Name) is { } e1) Fail(Name, e1.Message);
        if (ItemRules.Text(c[2], 200, "EnforcementBody", Body) is { } e2) Fail(Body, e2.Message);
        if (ItemRules.Text(c[3], 2000, "LegalBasis", Basis) is { } e3) Fail(Basis, e3.Message);
        var dept = c[4]?.Trim();
        if (Officers.OfficerRules.DepartmentCode(dept) is { } e4) Fail(Department, e4.Message);
        var target = ItemRules.Target(c[5]);
        if (!target.IsSuccess) Fail(Target, target.Error!.Message);
        if (ItemRules.Text(c[6], 4000, "Content", Content) is { } e6) Fail(Content, e6.Message);
        var methods = ItemRules.Methods(c[7]);
        if (!methods.IsSuccess) Fail(Methods, methods.Error!.Message);
        var category = ItemRules.Category(c[8]);
        if (!category.IsSuccess) Fail(Category, category.Error!.Message);
        if (c[9] is { Length: > 500 }) Fail(Ratio, "比例与频次不能超过500个字符");
        var from = ItemRules.Date(c[10], "EffectiveFrom", EffectiveFrom);
        if (!from.IsSuccess) Fail(EffectiveFrom, from.Error!.Message);
        if (errors.Count > before) return null;
        return new Row(row.Number, code!, dept!, departmentId => new ItemData(c[1]!.Trim(), c[2]!.Trim(), c[3]!.Trim(), departmentId,
            target.Value, c[6]!.Trim(), methods.Value, category.Value, c[9]?.Trim() ?? "", from.Value));
    }
}
