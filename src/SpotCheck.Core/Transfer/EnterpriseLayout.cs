using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Transfer;

/// <summary>SPEC §4 enterprise import layout, in this exact column order, then the columns appended since (docs/import-layouts.md).</summary>
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
    public const string LegalRepresentative = "法定代表人";
    public const string LegacyRegistrationNo = "注册号";

    const int LegalRepresentativeColumn = 11;
    const int LegacyRegistrationNoColumn = 12;

    public static readonly TabularLayout Layout = new(
    [
        new(Uscc, 22, "必填", "18位统一社会信用代码（GB 32100），请将该列设为文本格式；全角字母数字自动转为半角。已有代码更新该企业（保留变更历史），同一文件中不得重复"),
        new(Name, 40, "必填", "企业名称，不超过200字"),
        new(Region, 14, "必填", "6位行政区划代码（GB/T 2260），如 411721"),
        new(Address, 48, "必填", "住所或经营场所，不超过300字"),
        new(Tags, 30, "选填", "行业标签，多个用分号“;”分隔，最多20个"),
        new(Risk, 14, "必填", "A、B、C 或 D"),
        new(Abnormal, 14, "必填", "是 或 否"),
        new(Serious, 14, "必填", "是 或 否"),
        new(Status, 10, "必填", "存续、注销、吊销 或 迁出"),
        new(Contact, 12, "选填", "联系人姓名，不超过100字"),
        new(Phone, 18, "选填", "联系电话，不超过50字，请设为文本格式"),
        new(LegalRepresentative, 12, "选填", "法定代表人（负责人）姓名，不超过100字；文件中没有此列时保留已有值"),
        new(LegacyRegistrationNo, 20, "选填", "统一社会信用代码之前的工商注册号，不超过32个字符；文件中没有此列时保留已有值"),
    ], requiredCount: 11);

    public static IReadOnlyList<string> Headers => Layout.Headers;

    public static string?[] ToCells(Enterprise e) =>
    [
        e.Uscc, e.Name, e.RegionCode, e.Address, string.Join(';', e.TagNames), e.RiskClass.ToString(),
        e.AbnormalList ? "是" : "否", e.SeriousViolation ? "是" : "否", EnterpriseLabels.Of(e.Status), e.ContactName, e.ContactPhone,
        e.LegalRepresentative, e.LegacyRegistrationNo,
    ];

    /// <summary>Validates one row; every problem is reported against its column.</summary>
    public static EnterpriseData? Parse(TabularRow row, ImportReport errors) => Parse(row, errors, _ => null, _ => false);

    /// <summary>
    /// Validates one row; <paramref name="duplicateOf"/> is asked about every well-formed USCC (even when other
    /// columns fail) and returns an error message when the code is already taken in the file. A code whose check
    /// character fails is accepted only when <paramref name="isOverridden"/> says an Admin already kept exactly that
    /// code on its enterprise (domain.md §5), so that such an enterprise survives export → import.
    /// </summary>
    public static EnterpriseData? Parse(TabularRow row, ImportReport errors, Func<string, string?> duplicateOf, Func<string, bool> isOverridden)
    {
        var c = new LayoutCells(row, errors);
        string? code = null;
        if (row.NumericCells[0]) c.Fail(Uscc, "统一社会信用代码必须以文本格式填写（数字格式会丢失位数）");
        else if (c.Code(0, Uscc) is (true, var text))
        {
            var uscc = Enterprises.Uscc.Parse(text);
            var candidate = uscc.IsSuccess ? uscc.Value.Value : (text ?? "").ToUpperInvariant();
            if (!uscc.IsSuccess && !(uscc.Error!.Code == "uscc.check" && isOverridden(candidate))) c.Fail(Uscc, uscc.Error!.Message);
            else if (duplicateOf(candidate) is { } duplicate) c.Fail(Uscc, duplicate);
            else code = candidate;
        }
        var name = c[1]?.Trim();
        if (EnterpriseRules.Name(name) is { } e1) c.Fail(Name, e1.Message);
        var region = c.Code(2, Region);
        if (region.Ok && EnterpriseRules.RegionCode(region.Value) is { } e2) c.Fail(Region, e2.Message);
        var address = c[3]?.Trim();
        if (EnterpriseRules.Address(address) is { } e3) c.Fail(Address, e3.Message);
        var tags = EnterpriseRules.Tags(c[4]);
        if (!tags.IsSuccess) c.Fail(Tags, tags.Error!.Message);
        var riskText = c.Code(5, Risk);
        var risk = riskText.Ok ? EnterpriseRules.Risk(riskText.Value) : null;
        if (risk is { IsSuccess: false }) c.Fail(Risk, risk.Error!.Message);
        var abnormal = EnterpriseRules.YesNo(c[6], "AbnormalList", Abnormal);
        if (!abnormal.IsSuccess) c.Fail(Abnormal, abnormal.Error!.Message);
        var serious = EnterpriseRules.YesNo(c[7], "SeriousViolation", Serious);
        if (!serious.IsSuccess) c.Fail(Serious, serious.Error!.Message);
        var status = EnterpriseRules.Status(c[8]);
        if (!status.IsSuccess) c.Fail(Status, status.Error!.Message);
        if (EnterpriseRules.Optional(c[9], 100, "ContactName", Contact) is { } e4) c.Fail(Contact, e4.Message);
        var phone = c.Code(10, Phone);
        if (phone.Ok && EnterpriseRules.Optional(phone.Value, 50, "ContactPhone", Phone) is { } e5) c.Fail(Phone, e5.Message);
        if (EnterpriseRules.Optional(c[11], 100, "LegalRepresentative", LegalRepresentative) is { } e6) c.Fail(LegalRepresentative, e6.Message);
        var legacy = c.Code(12, LegacyRegistrationNo);
        if (legacy.Ok && EnterpriseRules.Optional(legacy.Value, 32, "LegacyRegistrationNo", LegacyRegistrationNo) is { } e7) c.Fail(LegacyRegistrationNo, e7.Message);
        if (c.Failed) return null;
        return new EnterpriseData(name!, code!, region.Value!, address!, tags.Value, risk!.Value, abnormal.Value, serious.Value,
            status.Value, EnterpriseRules.Clean(c[9]), EnterpriseRules.Clean(phone.Value), EnterpriseRules.Clean(c[11]), EnterpriseRules.Clean(legacy.Value));
    }

    /// <summary>The <see cref="Enterprise"/> properties of the appended columns a file lacks (see <see cref="KeepStoredWhereAbsent"/>).</summary>
    public static IReadOnlySet<string> StoredWhereAbsent(IReadOnlyList<bool> present)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        if (!present[LegalRepresentativeColumn]) kept.Add(nameof(Enterprise.LegalRepresentative));
        if (!present[LegacyRegistrationNoColumn]) kept.Add(nameof(Enterprise.LegacyRegistrationNo));
        return kept;
    }

    /// <summary>Columns appended to the layout after files were already in use: when a file lacks one, the stored value stays.</summary>
    public static EnterpriseData KeepStoredWhereAbsent(EnterpriseData data, IReadOnlyList<bool> present, Enterprise stored) =>
        KeepStoredWhereAbsent(data, present, stored.Data);

    public static EnterpriseData KeepStoredWhereAbsent(EnterpriseData data, IReadOnlyList<bool> present, EnterpriseData stored) => data with
    {
        LegalRepresentative = present[LegalRepresentativeColumn] ? data.LegalRepresentative : stored.LegalRepresentative,
        LegacyRegistrationNo = present[LegacyRegistrationNoColumn] ? data.LegacyRegistrationNo : stored.LegacyRegistrationNo,
    };
}
