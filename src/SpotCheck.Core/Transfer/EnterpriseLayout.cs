using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Transfer;

/// <summary>SPEC §4 enterprise import layout, in this exact column order.</summary>
public static class EnterpriseLayout
{
    public const string Uscc = "统一社会信用代码";
    public const string Name = "名称";
    public const string Region = "行政区划代码";
    public const string Address = "地址";
    public const string Tags = "行业标签";
    public const string Risk = "信用风险分类";
    public const string Abnormal = "经营异常名录";
    public const string Serious = "严重违法失信";
    public const string Status = "登记状态";
    public const string Contact = "联系人";
    public const string Phone = "联系电话";

    public static readonly IReadOnlyList<string> Headers = [Uscc, Name, Region, Address, Tags, Risk, Abnormal, Serious, Status, Contact, Phone];

    public static readonly string?[] Example =
        ["91411721DM0000013R", "西平县示例专用汽车制造有限公司001", "411721", "河南省驻马店市西平县示例大道1号", "汽车产品生产;汽车产品销售", "B", "否", "否", "存续", "示例联络人1", "0396-0000001"];

    public static string?[] ToCells(Enterprise e) =>
    [
        e.Uscc, e.Name, e.RegionCode, e.Address, string.Join(';', e.TagNames), e.RiskClass.ToString(),
        e.AbnormalList ? "是" : "否", e.SeriousViolation ? "是" : "否", EnterpriseLabels.Of(e.Status), e.ContactName, e.ContactPhone,
    ];

    /// <summary>Validates one row; every problem is reported against its column.</summary>
    public static EnterpriseData? Parse(TabularRow row, RowErrors errors) => Parse(row, errors, _ => null);

    /// <summary>
    /// Validates one row; <paramref name="duplicateOf"/> is asked about every well-formed USCC (even when other
    /// columns fail) and returns an error message when the code is already taken in the file.
    /// </summary>
    public static EnterpriseData? Parse(TabularRow row, RowErrors errors, Func<string, string?> duplicateOf)
    {
        var c = row.Cells;
        var before = errors.Count;
        void Fail(string column, string message) => errors.Add(row.Number, column, message);

        string? code = null;
        if (row.NumericCells[0]) Fail(Uscc, "统一社会信用代码必须以文本格式填写（数字格式会丢失位数）");
        else
        {
            var uscc = Enterprises.Uscc.Parse(c[0]);
            if (!uscc.IsSuccess) Fail(Uscc, uscc.Error!.Message);
            else if (duplicateOf(uscc.Value.Value) is { } duplicate) Fail(Uscc, duplicate);
            else code = uscc.Value.Value;
        }
        var name = c[1]?.Trim();
        if (EnterpriseRules.Name(name) is { } e1) Fail(Name, e1.Message);
        var region = c[2]?.Trim();
        if (EnterpriseRules.RegionCode(region) is { } e2) Fail(Region, e2.Message);
        var address = c[3]?.Trim();
        if (EnterpriseRules.Address(address) is { } e3) Fail(Address, e3.Message);
        var tags = EnterpriseRules.Tags(c[4]);
        if (!tags.IsSuccess) Fail(Tags, tags.Error!.Message);
        var risk = EnterpriseRules.Risk(c[5]);
        if (!risk.IsSuccess) Fail(Risk, risk.Error!.Message);
        var abnormal = EnterpriseRules.YesNo(c[6], "AbnormalList", Abnormal);
        if (!abnormal.IsSuccess) Fail(Abnormal, abnormal.Error!.Message);
        var serious = EnterpriseRules.YesNo(c[7], "SeriousViolation", Serious);
        if (!serious.IsSuccess) Fail(Serious, serious.Error!.Message);
        var status = EnterpriseRules.Status(c[8]);
        if (!status.IsSuccess) Fail(Status, status.Error!.Message);
        if (EnterpriseRules.Optional(c[9], 100, "ContactName", Contact) is { } e4) Fail(Contact, e4.Message);
        if (EnterpriseRules.Optional(c[10], 50, "ContactPhone", Phone) is { } e5) Fail(Phone, e5.Message);
        if (errors.Count > before) return null;
        return new EnterpriseData(name!, code!, region!, address!, tags.Value, risk.Value, abnormal.Value, serious.Value,
            status.Value, EnterpriseRules.Clean(c[9]), EnterpriseRules.Clean(c[10]));
    }
}
