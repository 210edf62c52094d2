using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Credit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Evidence;
using SpotCheck.Core.Notices;
using SpotCheck.Core.Publication;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Hosting;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Tasks;

public sealed class RecordForm
{
    public DateOnly? InspectedOn { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public int? ExpectedVersion { get; set; }
    public string Place { get; set; } = "";
    public List<string> Methods { get; set; } = [];
    public string? Findings { get; set; }
    public List<string> Results { get; set; } = [];
    public string? ResultOtherText { get; set; }
    public List<string> FollowUps { get; set; } = [];
    public DateOnly? RectifyDueDate { get; set; }
    public string? FollowUpOtherText { get; set; }
    public List<int> ItemIds { get; set; } = [];
    public List<int> CompliantItemIds { get; set; } = [];
    public List<string?> Notes { get; set; } = [];

    public SaveRecord.Command ToCommand() => new()
    {
        InspectedOn = InspectedOn, ConcludedOn = ConcludedOn, ExpectedVersion = ExpectedVersion, Place = Place ?? "", Methods = Methods, Findings = Findings, Results = Results,
        ResultOtherText = ResultOtherText, FollowUps = FollowUps, RectifyDueDate = RectifyDueDate, FollowUpOtherText = FollowUpOtherText,
        Checklist = [.. ItemIds.Select((id, i) => new SaveRecord.Line { ItemId = id, Compliant = CompliantItemIds.Contains(id), Note = i < Notes.Count ? Notes[i] : null })],
    };

    public static RecordForm From(InspectionRecord r) => new()
    {
        InspectedOn = r.InspectedOn, ConcludedOn = r.ConclusionDate, Place = r.Place, Methods = [.. r.MethodList], Findings = r.Findings, Results = [.. r.ResultList],
        ResultOtherText = r.ResultOtherText, FollowUps = [.. r.FollowUpList], RectifyDueDate = r.RectifyDueDate, FollowUpOtherText = r.FollowUpOtherText,
        ItemIds = [.. r.ChecklistLines.Select(l => l.ItemId)], CompliantItemIds = [.. r.ChecklistLines.Where(l => l.Compliant).Select(l => l.ItemId)],
        Notes = [.. r.ChecklistLines.Select(l => (string?)l.Note)],
    };
}

public sealed class DetailsModel(AppDbContext db, GetTask.Handler getTask, ListEvidence.Handler listEvidence) : PageModel
{
    public TaskDetail Detail { get; private set; } = null!;
    public InspectionRecord? Record { get; private set; }
    public IReadOnlyList<EvidenceFile> Evidence { get; private set; } = [];
    public IReadOnlyList<Objection> Objections { get; private set; } = [];
    public IReadOnlyList<FollowUpAction> FollowUps { get; private set; } = [];
    /// <summary>Every published version of this task's result, oldest first (empty before 公示).</summary>
    public IReadOnlyList<PublishedResult> PublishedVersions { get; private set; } = [];
    public bool CanCorrect => MayReview;
    public NoticesModel Notices { get; private set; } = null!;
    public TaskViewer Viewer { get; private set; } = null!;
    /// <summary>The substitute task when this one was replaced as a frame error.</summary>
    public int? ReplacedByTaskId { get; private set; }
    [BindProperty] public RecordForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public bool IsMember => Viewer.IsMemberOf(Detail.Task);
    public DateOnly Today => Ui.LocalToday(HttpContext.RequestServices.GetRequiredService<TimeProvider>());
    public bool Editable => IsMember && Detail.Task.State is TaskState.Open or TaskState.Returned;
    public bool CanPlan => MayPlan && Detail.Task.State is TaskState.Open or TaskState.Returned;
    /// <summary>What the page offers follows the policies its handlers carry.</summary>
    public bool MayPlan { get; private set; }
    public bool MayReview { get; private set; }
    public bool MayFollowUp { get; private set; }

    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        MayPlan = await HttpContext.MayAsync(Policies.Planners);
        MayReview = await HttpContext.MayAsync(Policies.Reviewers);
        MayFollowUp = await HttpContext.MayAsync(Policies.FollowUp);
        await next();
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Record is not null) Form = RecordForm.From(Record);
        else Form = new RecordForm { InspectedOn = Ui.LocalToday(HttpContext.RequestServices.GetRequiredService<TimeProvider>()), ItemIds = [.. Detail.Items.Select(i => i.Id)] };
        return Page();
    }

    [HandlerPolicy(Policies.TeamMembers)]
    public async Task<IActionResult> OnPostRecordAsync(int id, [FromServices] SaveRecord.Handler save, CancellationToken ct) =>
        await ActAsync(id, () => save.HandleAsync(id, Form.ToCommand(), Viewer, ct), "检查记录已保存（各成员需重新确认）", ct, keepForm: true);

    [HandlerPolicy(Policies.TeamMembers)]
    public async Task<IActionResult> OnPostConfirmAsync(int id, [FromServices] ConfirmRecord.Handler confirm, CancellationToken ct) =>
        await ActAsync(id, () => confirm.HandleAsync(id, Viewer, ct), "已确认（签名）检查记录", ct);

    [HandlerPolicy(Policies.TeamMembers)]
    public async Task<IActionResult> OnPostSubmitAsync(int id, [FromServices] SubmitRecord.Handler submit, CancellationToken ct) =>
        await ActAsync(id, () => submit.HandleAsync(id, Viewer, ct), "已提交审核", ct);

    /// <summary>An officer withdraws itself; a planner withdraws others through the API.</summary>
    [HandlerPolicy(Policies.TeamMembers)]
    public async Task<IActionResult> OnPostWithdrawAsync(int id, string? reason, bool conflict, [FromServices] WithdrawMember.Handler withdraw, CancellationToken ct) =>
        await ActAsync(id, async () =>
        {
            var r = await withdraw.HandleAsync(id, Viewer.OfficerId ?? 0, reason ?? "", conflict, Viewer, ct);
            return r.IsSuccess ? Result.Ok() : r.Error!;
        }, "已回避退出本任务，替补人员已按抽取规则产生", ct, backToList: true);

    [HandlerPolicy(Policies.Planners)]
    public async Task<IActionResult> OnPostFrameErrorAsync(int id, SubstituteFrameError.Command frameError, [FromServices] SubstituteFrameError.Handler substitute, CancellationToken ct)
    {
        Viewer = await TaskViewers.ForAsync(User, db, ct);
        var r = await substitute.HandleAsync(id, frameError, Viewer, ct);
        if (r.IsSuccess)
        {
            Message = $"检查对象已按名录错误替换：替补对象 {r.Value.Substitute}（“{r.Value.Stratum}”层第{r.Value.StratumRank}位），新任务如下";
            return RedirectToPage(new { id = r.Value.NewTaskId });
        }
        return await ActAsync(id, () => Task.FromResult<Result>(r.Error!), "", ct);
    }

    [HandlerPolicy(Policies.Planners)]
    public async Task<IActionResult> OnPostAddMemberAsync(int id, [FromServices] AddTaskMember.Handler add, CancellationToken ct) =>
        await ActAsync(id, async () =>
        {
            var r = await add.HandleAsync(id, Viewer, ct);
            return r.IsSuccess ? Result.Ok() : r.Error!;
        }, "已按抽取规则补充检查人员", ct);

    [HandlerPolicy(Policies.TeamMembers)]
    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, [FromServices] UploadEvidence.Handler upload, CancellationToken ct) =>
        await ActAsync(id, async () =>
        {
            if (file is null) return new Error("evidence.empty", "请选择要上传的文件", "file");
            if (file.Length > EvidenceKinds.MaxBytes) return new Error("evidence.size", "证据文件不能超过20MB", "file");
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            var r = await upload.HandleAsync(HttpContext.RequestServices.Evidence(), id, file.FileName, ms.ToArray(), Viewer, ct);
            return r.IsSuccess ? Result.Ok() : r.Error!;
        }, "证据已上传", ct);

    [HandlerPolicy(Policies.FollowUp)]
    public async Task<IActionResult> OnPostObjectionAsync(int id, RecordObjection.Command objection, [FromServices] RecordObjection.Handler record, CancellationToken ct) =>
        await ActAsync(id, async () =>
        {
            var r = await record.HandleAsync(id, objection, Viewer, ct);
            return r.IsSuccess ? Result.Ok() : r.Error!;
        }, "异议已登记", ct);

    [HandlerPolicy(Policies.Reviewers)]
    public async Task<IActionResult> OnPostResolveAsync(int id, int objectionId, ObjectionOutcome outcome, string? note, [FromServices] ResolveObjection.Handler resolve, CancellationToken ct) =>
        await ActAsync(id, () => resolve.HandleAsync(objectionId, outcome, note ?? "", Viewer, ct), "异议已处理", ct);

    [HandlerPolicy(Policies.FollowUp)]
    public async Task<IActionResult> OnPostCloseFollowUpAsync(int id, int followUpId, string? note, [FromServices] CloseFollowUp.Handler close, CancellationToken ct) =>
        await ActAsync(id, () => close.HandleAsync(followUpId, note ?? "", Viewer, ct), "后续处置已完结", ct);

    [HandlerPolicy(Policies.Reviewers)]
    public async Task<IActionResult> OnPostCorrectAsync(int id, [FromForm(Name = "Correction")] CorrectResult.Command correction,
        [FromServices] CorrectResult.Handler correct, CancellationToken ct) =>
        await ActAsync(id, async () =>
        {
            var r = await correct.HandleAsync(id, correction, Viewer, ct);
            return r.IsSuccess ? Result.Ok() : r.Error;
        }, "已发布更正，公示网站显示更正后的内容并保留原版本", ct);

    public async Task<IActionResult> OnGetNoticeAsync(int id, string? kind, [FromServices] DownloadNotice.Handler download, CancellationToken ct)
    {
        if (NoticeKinds.Parse(kind) is not { } k) return NotFound();
        Viewer = await TaskViewers.ForAsync(User, db, ct);
        var r = await download.HandleAsync(id, k, Viewer, ct);
        if (!r.IsSuccess) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(r.Value.Bytes, NoticeDocument.ContentType, r.Value.FileName);
    }

    [HandlerPolicy(Policies.NoticeIssuers)]
    public async Task<IActionResult> OnPostIssueNoticeAsync(int id, string? kind, [FromServices] IssueNotice.Handler issue, CancellationToken ct)
    {
        if (NoticeKinds.Parse(kind) is not { } k) return NotFound();
        Viewer = await TaskViewers.ForAsync(User, db, ct);
        var r = await issue.HandleAsync(id, k, Viewer, ct);
        if (!r.IsSuccess) return await ActAsync(id, () => Task.FromResult<Result>(r.Error!), "", ct);
        var title = NoticeKinds.Title(k);
        Message = r.Value.IsNew ? $"已签发{title}，文号 {r.Value.Notice.Number}" : $"{title}内容未变化，文号仍为 {r.Value.Notice.Number}";
        return RedirectToPage(new { id });
    }

    async Task<IActionResult> ActAsync(int id, Func<Task<Result>> action, string done, CancellationToken ct, bool keepForm = false, bool backToList = false)
    {
        Viewer = await TaskViewers.ForAsync(User, db, ct);
        var result = await action();
        if (result.IsSuccess)
        {
            Message = done;
            return backToList ? RedirectToPage("Index") : RedirectToPage(new { id });
        }
        if (result.Error!.Kind == ErrorKind.NotFound && result.Error.Code.StartsWith("task.", StringComparison.Ordinal)) return NotFound();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!keepForm && Record is not null) Form = RecordForm.From(Record);
        ModelState.AddError(result.Error, nameof(Form));
        if (result.Error.Field is not null) ModelState.AddModelError("", result.Error.Message);
        Response.StatusCode = result.Error.Kind == ErrorKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Viewer ??= await TaskViewers.ForAsync(User, db, ct);
        var found = await getTask.HandleAsync(id, Viewer, ct);
        if (!found.IsSuccess) return false;
        Detail = found.Value;
        ReplacedByTaskId = await db.InspectionTasks.AsNoTracking().Where(t => t.ReplacesTaskId == id).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
        Record = await db.InspectionRecords.AsNoTracking().SingleOrDefaultAsync(r => r.TaskId == id, ct);
        Evidence = await listEvidence.HandleAsync(id, Viewer, ct);
        Objections = await db.Objections.AsNoTracking().Where(o => o.TaskId == id).OrderBy(o => o.Id).ToListAsync(ct);
        FollowUps = await db.FollowUpActions.AsNoTracking().Where(f => f.TaskId == id).OrderBy(f => f.Code).ToListAsync(ct);
        PublishedVersions = await new PublicResults.Handler(db).VersionsAsync(id, ct);
        Notices = await NoticesModel.LoadAsync(this, id, Viewer, ct);
        return true;
    }
}
