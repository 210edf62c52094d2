using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Credit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Evidence;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Hosting;
using SpotCheck.Hosting.Security;
using SpotCheck.Pages.Staff.Tasks;

namespace SpotCheck.Api;

/// <summary>
/// Tasks, records, evidence, review and objections (notices: <see cref="NoticesApi"/>). Officers reach only their own tasks: anything else is
/// 404, never data. Mapped by <c>v1.MapTasksApi()</c>.
/// </summary>
public static class TasksApi
{
    public sealed record MemberDto(int OfficerId, string Code, string Name, bool IsLeader, bool IsActive, string? WithdrawnReason, DateTime? ConfirmedAtUtc);
    public sealed record TaskDto(int Id, string Source, bool IsRandom, string? DrawId, int? DrawRank, int EnterpriseId, string EnterpriseName,
        string Uscc, DateOnly DueDate, string State, string Basis, IReadOnlyList<int> ItemIds, IReadOnlyList<MemberDto> Team,
        bool ShortStaffed, int? ReplacesTaskId, string? FrameErrorReason);
    public sealed record RecordDto(DateOnly InspectedOn, string Place, IReadOnlyList<string> Methods, IReadOnlyList<ChecklistLine> Checklist,
        string Findings, IReadOnlyList<string> Results, string? ResultOtherText, IReadOnlyList<string> FollowUps, DateOnly? RectifyDueDate,
        string? FollowUpOtherText, string? ReturnReason, DateOnly ConcludedOn, DateOnly? ApprovedOn, DateOnly? PublicationDeadline, int? DeadlineYearMissing,
        int? RecheckTaskId);
    public sealed record EvidenceDto(int Id, string FileName, string ContentType, long SizeBytes, string Sha256, bool HasThumbnail,
        string? ExifTakenAt, string? ExifGps, string UploadedBy, DateTime UploadedAtUtc);
    public sealed record WithdrawBody(int OfficerId, string Reason, bool Conflict);
    public sealed record ReasonBody(string Reason);
    public sealed record ResolveBody(ObjectionOutcome Outcome, string Note);
    public sealed record NoteBody(string Note);

    public static void MapTasksApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/tasks").RequireAuthorization(Policies.Staff).WithTags("tasks");
        g.MapGet("/", ListAsync).WithSummary("检查任务（执法人员仅见本人所在检查组的任务）");
        g.MapGet("/{id:int}", GetAsync).WithSummary("一个检查任务");
        g.MapPost("/", CreateAsync).RequireAuthorization(Policies.Planners).WithSummary("新建非随机任务（受理举报等）");
        g.MapGet("/{id:int}/record", GetRecordAsync).WithSummary("检查记录");
        g.MapPut("/{id:int}/record", SaveRecordAsync).RequireAuthorization(Policies.TeamMembers).WithSummary("保存检查记录（检查组成员）");
        g.MapPost("/{id:int}/confirm", ConfirmAsync).RequireAuthorization(Policies.TeamMembers).WithSummary("本人确认（签名）检查记录");
        g.MapPost("/{id:int}/submit", SubmitAsync).RequireAuthorization(Policies.TeamMembers).WithSummary("全部成员确认后提交审核");
        g.MapPost("/{id:int}/withdraw", WithdrawAsync).RequireAuthorization(Policies.Withdrawers).WithSummary("回避退出；替补按 DRAW-v1 §5.5 产生");
        g.MapPost("/{id:int}/frame-error", FrameErrorAsync).RequireAuthorization(Policies.Planners)
            .WithSummary("检查对象名录错误：本任务终止为已替换，替补对象为同层未使用的最低序位（draw-spec §4.2），按抽取规则配员");
        g.MapPost("/{id:int}/members", AddMemberAsync).RequireAuthorization(Policies.Planners)
            .WithSummary("人员不足时补充检查人员（按 DRAW-v1 §5.5 规则产生，不能指定）");
        g.MapGet("/{id:int}/evidence", ListEvidenceAsync).WithSummary("证据材料清单");
        g.MapPost("/{id:int}/evidence", UploadAsync).RequireAuthorization(Policies.TeamMembers).DisableAntiforgery().WithSummary("上传证据（JPG/PNG/PDF，≤20MB，multipart 字段 file）");
        g.MapGet("/evidence/{evidenceId:int}", DownloadAsync).WithSummary("下载证据（校验哈希）");
        g.MapPost("/{id:int}/approve", ApproveAsync).RequireAuthorization(Policies.Reviewers).WithSummary("审核通过");
        g.MapPost("/{id:int}/return", ReturnAsync).RequireAuthorization(Policies.Reviewers).WithSummary("退回检查组（须填写原因）");
        g.MapPost("/{id:int}/objections", ObjectionAsync).RequireAuthorization(Policies.FollowUp).WithSummary("登记异议");
        g.MapPost("/followups/{followUpId:int}/close", CloseFollowUpAsync).RequireAuthorization(Policies.FollowUp).WithSummary("完结后续处置（责令整改须复查任务已审核）");
        g.MapPost("/objections/{objectionId:int}/resolve", ResolveAsync).RequireAuthorization(Policies.Reviewers).WithSummary("处理异议（一次，结果保留）");
    }

    static Task<TaskViewer> Viewer(HttpContext http, AppDbContext db, CancellationToken ct) => TaskViewers.ForAsync(http.User, db, ct);

    static Results<NoContent, ValidationProblem, ProblemHttpResult> Done(Result r) =>
        r.IsSuccess ? TypedResults.NoContent() : r.Error!.Kind == ErrorKind.Validation ? r.Error.ToValidationProblem() : r.Error.ToProblem();

    static async Task<Results<Ok<ListResult<TaskSummary>>, ValidationProblem>> ListAsync(int? page, int? pageSize, string? state,
        ListTasks.Handler list, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        TaskState? s = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<TaskState>(state, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["state 应为 Open、Submitted、Returned 或 Approved"] });
            s = parsed;
        }
        var found = await list.PageAsync(await Viewer(http, db, ct), s, paging.Page, paging.PageSize, ct);
        // Past the last page the list is empty (the page asked for is echoed), as in the other lists.
        var items = found.Page == paging.Page ? found.Items : [];
        return TypedResults.Ok(paging.Wrap(found.Total, items));
    }

    static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> GetAsync(int id, GetTask.Handler get, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var r = await get.HandleAsync(id, await Viewer(http, db, ct), ct);
        if (!r.IsSuccess) return r.Error!.ToProblem();
        var d = r.Value;
        var t = d.Task;
        return TypedResults.Ok(new TaskDto(t.Id, TaskLabels.Code(t.Source), t.IsRandom, t.DrawId, t.DrawRank, t.EnterpriseId, d.EnterpriseName, d.Uscc,
            t.DueDate, t.State.ToString(), t.Basis, t.ItemIdList,
            [.. d.Team.Select(m => new MemberDto(m.OfficerId, m.Code, m.Name, m.IsLeader, m.IsActive, m.WithdrawnReason, m.ConfirmedAtUtc))],
            t.IsShortStaffed, t.ReplacesTaskId, t.FrameErrorReason));
    }

    static async Task<Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(CreateTask.Command body, CreateTask.Handler create, HttpContext http, CancellationToken ct) =>
        (await create.HandleAsync(body, http.User.Identity!.Name!, ct)).ToSaved();

    static async Task<Results<Ok<RecordDto>, ProblemHttpResult>> GetRecordAsync(int id, GetTask.Handler get, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var visible = await get.HandleAsync(id, await Viewer(http, db, ct), ct);
        if (!visible.IsSuccess) return visible.Error!.ToProblem();
        var r = await db.InspectionRecords.AsNoTracking().SingleOrDefaultAsync(x => x.TaskId == id, ct);
        if (r is null) return new Error("record.missing", "尚未填写检查记录", Kind: ErrorKind.NotFound).ToProblem();
        return TypedResults.Ok(new RecordDto(r.InspectedOn, r.Place, r.MethodList, r.ChecklistLines, r.Findings, r.ResultList, r.ResultOtherText,
            r.FollowUpList, r.RectifyDueDate, r.FollowUpOtherText, r.ReturnReason, r.ConclusionDate, r.ApprovedOn, r.PublicationDeadline, r.DeadlineYearMissing, r.RecheckTaskId));
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveRecordAsync(int id, SaveRecord.Command body, SaveRecord.Handler save,
        AppDbContext db, HttpContext http, CancellationToken ct) => Done(await save.HandleAsync(id, body, await Viewer(http, db, ct), ct));

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ConfirmAsync(int id, ConfirmRecord.Handler confirm, AppDbContext db, HttpContext http, CancellationToken ct) =>
        Done(await confirm.HandleAsync(id, await Viewer(http, db, ct), ct));

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SubmitAsync(int id, SubmitRecord.Handler submit, AppDbContext db, HttpContext http, CancellationToken ct) =>
        Done(await submit.HandleAsync(id, await Viewer(http, db, ct), ct));

    static async Task<Results<Ok<WithdrawMember.Outcome>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(int id, WithdrawBody body, WithdrawMember.Handler withdraw,
        AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var r = await withdraw.HandleAsync(id, body.OfficerId, body.Reason ?? "", body.Conflict, await Viewer(http, db, ct), ct);
        if (r.IsSuccess) return TypedResults.Ok(r.Value);
        return r.Error!.Kind == ErrorKind.Validation ? r.Error.ToValidationProblem() : r.Error.ToProblem();
    }

    static async Task<Results<Ok<SubstituteFrameError.Outcome>, ValidationProblem, ProblemHttpResult>> FrameErrorAsync(int id, SubstituteFrameError.Command body,
        SubstituteFrameError.Handler substitute, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var r = await substitute.HandleAsync(id, body, await Viewer(http, db, ct), ct);
        if (r.IsSuccess) return TypedResults.Ok(r.Value);
        return r.Error!.Kind == ErrorKind.Validation ? r.Error.ToValidationProblem() : r.Error.ToProblem();
    }

    static async Task<Results<Ok<AddTaskMember.Outcome>, ProblemHttpResult>> AddMemberAsync(int id, AddTaskMember.Handler add,
        AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var r = await add.HandleAsync(id, await Viewer(http, db, ct), ct);
        return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
    }

    static async Task<Ok<List<EvidenceDto>>> ListEvidenceAsync(int id, ListEvidence.Handler list, AppDbContext db, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok((await list.HandleAsync(id, await Viewer(http, db, ct), ct)).Select(e => new EvidenceDto(e.Id, e.FileName, e.ContentType,
            e.SizeBytes, e.Sha256, e.ThumbnailSha256 is not null, e.ExifTakenAt, e.ExifGps, e.UploadedBy, e.UploadedAtUtc)).ToList());

    static async Task<Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(int id, IFormFile? file, UploadEvidence.Handler upload,
        AppDbContext db, HttpContext http, CancellationToken ct)
    {
        if (file is null) return new Error("evidence.empty", "请以 multipart 字段 file 上传文件", "file").ToValidationProblem();
        if (file.Length > EvidenceKinds.MaxBytes) return new Error("evidence.size", "证据文件不能超过20MB", "file").ToValidationProblem();
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        return (await upload.HandleAsync(http.RequestServices.Evidence(), id, file.FileName, ms.ToArray(), await Viewer(http, db, ct), ct)).ToSaved();
    }

    static async Task<IResult> DownloadAsync(int evidenceId, bool? thumb, OpenEvidence.Handler open, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var r = await open.HandleAsync(http.RequestServices.Evidence(), evidenceId, thumb == true, await Viewer(http, db, ct), ct);
        // A file that fails its hash check is refused (409, logged), as on the page: never served, never a 500.
        if (!r.IsSuccess) return r.Error!.ToProblem();
        return TaskViewers.File(http, r.Value);
    }

    static async Task<Results<Ok<ApproveRecord.Approved>, ProblemHttpResult>> ApproveAsync(int id, ApproveRecord.Handler review, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var r = await review.HandleAsync(id, await Viewer(http, db, ct), ct);
        return r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReturnAsync(int id, ReasonBody body, ReturnRecord.Handler review, AppDbContext db, HttpContext http, CancellationToken ct)
        => Done(await review.HandleAsync(id, body.Reason ?? "", await Viewer(http, db, ct), ct));

    static async Task<Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult>> ObjectionAsync(int id, RecordObjection.Command body, RecordObjection.Handler record,
        AppDbContext db, HttpContext http, CancellationToken ct)
        => (await record.HandleAsync(id, body, await Viewer(http, db, ct), ct)).ToSaved();

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResolveAsync(int objectionId, ResolveBody body, ResolveObjection.Handler resolve,
        AppDbContext db, HttpContext http, CancellationToken ct)
        => Done(await resolve.HandleAsync(objectionId, body.Outcome, body.Note ?? "", await Viewer(http, db, ct), ct));

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CloseFollowUpAsync(int followUpId, NoteBody body, CloseFollowUp.Handler close,
        AppDbContext db, HttpContext http, CancellationToken ct)
        => Done(await close.HandleAsync(followUpId, body.Note ?? "", await Viewer(http, db, ct), ct));
}
