using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Notices;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Notices;

public sealed class NoticeSettingsTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [InlineData("西科工检通〔2026〕{seq}号", "必须恰好包含一次 {year}（年份）和一次 {seq}（顺序号）")]
    [InlineData("西科工检通〔{year}〕{seq}{seq}号", "必须恰好包含一次 {year}")]
    [InlineData("西科工检通〔{year}〕{n}号{seq}", "只能使用 {year} 和 {seq} 两个占位符")]
    [InlineData("〔{year}〕{seq}", "还应包含机关代字")]
    [InlineData("  ", "不能为空")]
    public void A_bad_pattern_is_refused_with_the_reason(string pattern, string reason)
    {
        var c = NoticeKit.Settings();
        c.InspectionNumberPattern = pattern;
        var error = SaveNoticeSettings.Validate(c).Error!;
        Assert.Equal(("notice.pattern", nameof(c.InspectionNumberPattern)), (error.Code, error.Field));
        Assert.Contains("检查通知书文号格式", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [SkippableFact]
    public void Both_kinds_need_their_own_series_and_the_objection_period_is_bounded()
    {
        var same = NoticeKit.Settings();
        same.ResultNumberPattern = same.InspectionNumberPattern;
        Assert.Equal("notice.pattern_same", SaveNoticeSettings.Validate(same).Error!.Code);
        var days = NoticeKit.Settings();
        days.ObjectionWorkdays = 0;
        Assert.Equal(("notice.objection_days", "ObjectionWorkdays"), (SaveNoticeSettings.Validate(days).Error!.Code, SaveNoticeSettings.Validate(days).Error!.Field));
        Assert.Equal("西科工检通〔2026〕12号", NoticeNumberPattern.Format("西科工检通〔{year}〕{seq}号", 2026, 12));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_change_is_saved_with_its_audit_entry_and_an_unchanged_save_logs_nothing(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var dept = await store.DepartmentAsync();
        var listed = (await new ListNoticeSettings.Handler(store.Db).OneAsync(dept.Id)).Value;
        Assert.True(listed.IsDefault);
        Assert.Equal(NoticeSettings.Defaults, listed.Settings);

        var save = new SaveNoticeSettings.Handler(store.Db, store.Audit, store.Clock);
        Assert.True((await save.HandleAsync(dept.Id, NoticeKit.Settings(), "admin")).IsSuccess);
        Assert.True((await save.HandleAsync(dept.Id, NoticeKit.Settings(), "admin")).IsSuccess);
        Assert.Equal("notice.department", (await save.HandleAsync(dept.Id + 100, NoticeKit.Settings(), "admin")).Error!.Code);

        await using var fresh = store.Fresh();
        var stored = await fresh.NoticeSettings.SingleAsync();
        Assert.Equal((NoticeKit.InspectionPattern, "王晓", 15, "admin"), (stored.InspectionNumberPattern, stored.ContactName, stored.ObjectionWorkdays, stored.UpdatedBy));
        var entry = await fresh.AuditEntries.SingleAsync(e => e.Type == "NOTICE_SETTINGS_CHANGED");
        Assert.Contains("\"before\":{\"contactAddress\":\"\",\"contactName\":\"\"", entry.Payload);
        Assert.Contains("\"contactName\":\"王晓\"", entry.Payload);
        Assert.Contains("\"departmentCode\":\"XPKGJ\"", entry.Payload);
    }
}
