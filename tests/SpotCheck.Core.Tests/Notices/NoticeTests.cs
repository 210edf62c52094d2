using DocumentFormat.OpenXml.Packaging;
using SpotCheck.Core.Notices;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Tasks;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Notices;

public sealed class NoticeTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    static string TextOf(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Both_notices_are_docx_files_naming_the_enterprise_and_its_uscc(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var taskId = await kit.ComplaintTaskAsync(0, 1);
        var notices = new GenerateNotice.Handler(new GetTask.Handler(store.Db), store.Db);

        var inspection = await notices.HandleAsync(taskId, NoticeKind.Inspection, kit.OfficerViewer(0));
        var text = TextOf(inspection.Value.Bytes);
        Assert.Contains("检查通知书", text);
        Assert.Contains("西平县示例煤业有限公司", text);
        Assert.Contains("91350100M000100Y43", text);
        Assert.Contains("检查员1（组长）", text);
        Assert.Equal("notice.not_approved", (await notices.HandleAsync(taskId, NoticeKind.Result, kit.OfficerViewer(0))).Error!.Code);
        Assert.Equal("task.not_found", (await notices.HandleAsync(taskId, NoticeKind.Inspection, kit.OfficerViewer(2))).Error!.Code);

        await kit.SubmitAsync(taskId, kit.Record("PROBLEM_PENDING;COAL_NOT_FILED", "RECTIFY", new DateOnly(2026, 12, 10)), 0, 1);
        Assert.True((await new ApproveRecord.Handler(store.Db, store.Audit, store.Clock).HandleAsync(taskId, TaskKit.Reviewer)).IsSuccess);
        var result = TextOf((await notices.HandleAsync(taskId, NoticeKind.Result, kit.OfficerViewer(1))).Value.Bytes);
        Assert.Contains("检查结果告知书", result);
        Assert.Contains("西平县示例煤业有限公司", result);
        Assert.Contains("91350100M000100Y43", result);
        Assert.Contains("未备案/变更未告知", result);
        Assert.Contains("整改期限 2026年12月10日", result);
        Assert.Contains("2026年12月23日", result); // 20 working days after the inspection ended (2026-11-25)
    }
}
