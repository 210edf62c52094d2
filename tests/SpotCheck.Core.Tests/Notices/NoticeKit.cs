using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SpotCheck.Core.Items;
using SpotCheck.Core.Notices;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Draws;
using SpotCheck.Core.Tests.Tasks;

namespace SpotCheck.Core.Tests.Notices;

/// <summary>
/// <see cref="TaskKit"/>'s coal firm, its department's notice settings, and a vehicle item that exists but is not on
/// the firm's tasks; notices issued and downloaded through the use cases.
/// </summary>
sealed class NoticeKit(TaskKit tasks)
{
    public const string InspectionPattern = "西市监检通〔{year}〕{seq}号";
    public const string ResultPattern = "西市监检告〔{year}〕{seq}号";

    public TaskKit Tasks { get; } = tasks;
    public Store Store => Tasks.Store;
    public InspectionItem VehicleItem { get; private set; } = null!;

    public static async Task<NoticeKit> CreateAsync(Store store, int officers = 4)
    {
        var kit = new NoticeKit(await TaskKit.CreateAsync(store, officers));
        kit.VehicleItem = InspectionItem.CreateDraft("T-AUTO", new ItemData("汽车产品生产销售", "西平县科技和工业信息化局",
            "《道路交通安全法》第一百零三条", kit.Tasks.Dept.Id, TargetType.Enterprise, "是否生产、销售未获准入车型", ["ONSITE"],
            ItemCategory.Key, "5%", new DateOnly(2026, 1, 1)), Store.Now.UtcDateTime);
        kit.VehicleItem.Publish(null, Store.Now.UtcDateTime);
        store.Db.InspectionItems.Add(kit.VehicleItem);
        await store.Db.SaveChangesAsync();
        var saved = await new SaveNoticeSettings.Handler(store.Db, store.Audit, store.Clock).HandleAsync(kit.Tasks.Dept.Id, Settings(), "admin");
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        return kit;
    }

    public static SaveNoticeSettings.Command Settings(string contact = "王晓") => new()
    {
        InspectionNumberPattern = InspectionPattern, ResultNumberPattern = ResultPattern, ContactName = contact, ContactPhone = "0396-6220000",
        ContactAddress = "西平县柏城大道88号", ObjectionWorkdays = 15, ReviewBody = "西平县人民政府", Court = "西平县人民法院",
    };

    public IssueNotice.Handler Issuer() => new(Store.Db, Store.Audit, Store.Clock);

    public async Task<IssuedNoticeSummary> IssueAsync(int taskId, NoticeKind kind, TaskViewer? viewer = null)
    {
        var r = await Issuer().HandleAsync(taskId, kind, viewer ?? TaskKit.Planner);
        Assert.True(r.IsSuccess, r.Error?.Message);
        return r.Value.Notice;
    }

    public async Task<DownloadNotice.Document> DownloadAsync(int taskId, NoticeKind kind, TaskViewer? viewer = null)
    {
        var r = await new DownloadNotice.Handler(Store.Db).HandleAsync(taskId, kind, viewer ?? TaskKit.Planner);
        Assert.True(r.IsSuccess, r.Error?.Message);
        return r.Value;
    }

    /// <summary>A complaint task for officers 0 and 1, inspected, confirmed, submitted and approved.</summary>
    public async Task<int> ApprovedComplaintTaskAsync(string results = "PROBLEM_PENDING;COAL_NOT_FILED", string followUps = "RECTIFY")
    {
        var id = await Tasks.ComplaintTaskAsync(0, 1);
        await Tasks.SubmitAsync(id, Tasks.Record(results, followUps, followUps.Contains("RECTIFY") ? new DateOnly(2026, 12, 10) : null), 0, 1);
        var approved = await new ApproveRecord.Handler(Store.Db, Store.Audit, Store.Clock).HandleAsync(id, TaskKit.Reviewer);
        Assert.True(approved.IsSuccess, approved.Error?.Message);
        return id;
    }

    /// <summary>A task made by a draw (source 年度抽查计划) of a published plan, staffed by officers 0 and 1.</summary>
    public async Task<int> DrawTaskAsync(string drawId = "2026-P1-01")
    {
        var plan = await new DrawKit(Store).PublishedPlanAsync(DrawKit.PlanCommand([Tasks.Item.Id], [Tasks.Dept.Code]));
        var task = CreateDrawTasks.Add(Store.Db, plan, drawId, [Tasks.Item.Id], new DateOnly(2026, 12, 20),
            [new CreateDrawTasks.Target(Tasks.Enterprise.Id, 1, [new(Tasks.Officers[0].Id, "0a"), new(Tasks.Officers[1].Id, "0b")])],
            "planner", Store.Now.UtcDateTime).Single();
        await Store.Db.SaveChangesAsync();
        return task.Id;
    }
}

/// <summary>Reads a generated .docx the way a test needs it.</summary>
sealed class Docx : IDisposable
{
    readonly WordprocessingDocument _doc;

    public Docx(byte[] bytes) => _doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);

    public MainDocumentPart Main => _doc.MainDocumentPart!;
    public Body Body => Main.Document.Body!;

    /// <summary>Paragraph texts in document order (table cells included), line breaks as '\n'.</summary>
    public IReadOnlyList<string> Paragraphs => [.. Body.Descendants<Paragraph>().Select(TextOf)];

    public string Text => string.Join("\n", Paragraphs);

    public Paragraph ParagraphWith(string text) => Body.Descendants<Paragraph>().First(p => TextOf(p) == text);

    public IReadOnlyList<SectionProperties> Sections => [.. Body.Descendants<SectionProperties>()];

    /// <summary>The rows of the 送达回证 table: label → value.</summary>
    public IReadOnlyDictionary<string, string> ReceiptRows =>
        Body.Descendants<Table>().Single().Elements<TableRow>().ToDictionary(
            r => TextOf(r.Elements<TableCell>().First()), r => TextOf(r.Elements<TableCell>().Last()));

    static string TextOf(DocumentFormat.OpenXml.OpenXmlElement e) =>
        string.Concat(e.Descendants().Select(x => x switch { Text t => t.Text, Break => "\n", _ => "" }));

    public void Dispose() => _doc.Dispose();
}
