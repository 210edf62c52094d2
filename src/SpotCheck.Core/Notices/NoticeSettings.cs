namespace SpotCheck.Core.Notices;

/// <summary>The notice settings an Admin keeps for one department; validated by <see cref="SaveNoticeSettings"/>.</summary>
public sealed record NoticeSettingsData(
    string InspectionNumberPattern,
    string ResultNumberPattern,
    string ContactName,
    string ContactPhone,
    string ContactAddress,
    int ObjectionWorkdays,
    string ReviewBody,
    string Court);

/// <summary>
/// One department's 文号 patterns (one series per notice kind, numbered per year), the contact printed on its notices,
/// the period it allows for 异议 and where 行政复议 and 行政诉讼 go. A department without a row uses <see cref="Defaults"/>.
/// </summary>
public sealed class NoticeSettings
{
    NoticeSettings() { }

    public int Id { get; private set; }
    public int DepartmentId { get; private set; }
    public string InspectionNumberPattern { get; private set; } = "";
    public string ResultNumberPattern { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    public string ContactAddress { get; private set; } = "";
    public int ObjectionWorkdays { get; private set; }
    public string ReviewBody { get; private set; } = "";
    public string Court { get; private set; } = "";
    public string UpdatedBy { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }

    public static readonly NoticeSettingsData Defaults = new(
        $"检通〔{NoticeNumberPattern.Year}〕{NoticeNumberPattern.Seq}号", $"检告〔{NoticeNumberPattern.Year}〕{NoticeNumberPattern.Seq}号",
        "", "", "", 10, "", "");

    public static NoticeSettings Create(int departmentId, NoticeSettingsData data, string actor, DateTime utcNow)
    {
        var s = new NoticeSettings { DepartmentId = departmentId };
        s.Update(data, actor, utcNow);
        return s;
    }

    public NoticeSettingsData Data => new(InspectionNumberPattern, ResultNumberPattern, ContactName, ContactPhone, ContactAddress,
        ObjectionWorkdays, ReviewBody, Court);

    public void Update(NoticeSettingsData d, string actor, DateTime utcNow)
    {
        InspectionNumberPattern = d.InspectionNumberPattern;
        ResultNumberPattern = d.ResultNumberPattern;
        ContactName = d.ContactName;
        ContactPhone = d.ContactPhone;
        ContactAddress = d.ContactAddress;
        ObjectionWorkdays = d.ObjectionWorkdays;
        ReviewBody = d.ReviewBody;
        Court = d.Court;
        UpdatedBy = actor;
        UpdatedAtUtc = utcNow;
    }
}

public static class NoticeSettingsExtensions
{
    public static string PatternOf(this NoticeSettingsData s, NoticeKind kind) =>
        kind == NoticeKind.Inspection ? s.InspectionNumberPattern : s.ResultNumberPattern;
}
