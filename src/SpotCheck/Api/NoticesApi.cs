using Microsoft.AspNetCore.Http.HttpResults;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Notices;
using SpotCheck.Core.Tasks;
using SpotCheck.Hosting.Security;
using SpotCheck.Pages.Staff.Tasks;

namespace SpotCheck.Api;

/// <summary>
/// A task's 检查通知书 (<c>Inspection</c>) and 检查结果告知书 (<c>Result</c>): their state, issuing (numbering) and the
/// issued .docx. Whoever may see the task may read; the Supervisor may not issue. Mapped by <c>v1.MapNoticesApi()</c>.
/// </summary>
public static class NoticesApi
{
    public sealed record NoticeDto(string Kind, int Revision, string Number, DateOnly IssuedOn, string IssuedBy, DateTime IssuedAtUtc);
    public sealed record IssuedDto(NoticeDto Notice, bool IsNew);
    public sealed record NoticeStateDto(string Kind, string Title, NoticeDto? Issued, bool Changed, bool CanIssue, string? CannotIssueReason);

    public static void MapNoticesApi(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/tasks/{id:int}/notices").RequireAuthorization(Policies.Staff).WithTags("notices");
        g.MapGet("/", StateAsync).WithSummary("文书签发情况：最新文号、内容是否已变化、现在能否签发");
        g.MapPost("/{kind}", IssueAsync).RequireAuthorization(Policies.NoticeIssuers)
            .WithSummary("签发文书（Inspection 检查通知书 / Result 检查结果告知书）：编下一个文号；内容未变时返回已签发的文书");
        g.MapGet("/{kind}", DownloadAsync).WithSummary("下载最新签发的文书（.docx，含送达回证）");
    }

    static readonly Error UnknownKind = new("notice.kind", "文书种类应为 Inspection（检查通知书）或 Result（检查结果告知书）", "kind", ErrorKind.NotFound);

    static NoticeDto Dto(IssuedNoticeSummary n) => new(n.Kind.ToString(), n.Revision, n.Number, n.IssuedOn, n.IssuedBy, n.IssuedAtUtc);

    static async Task<Results<Ok<IReadOnlyList<NoticeStateDto>>, ProblemHttpResult>> StateAsync(int id, NoticeStatus.Handler status, AppDbContext db,
        HttpContext http, CancellationToken ct)
    {
        var r = await status.HandleAsync(id, await TaskViewers.ForAsync(http.User, db, ct), ct);
        if (!r.IsSuccess) return r.Error!.ToProblem();
        return TypedResults.Ok<IReadOnlyList<NoticeStateDto>>([.. r.Value.Select(e => new NoticeStateDto(e.Kind.ToString(), NoticeKinds.Title(e.Kind),
            e.Latest is null ? null : Dto(e.Latest), e.Changed, e.CannotIssue is null, e.CannotIssue?.Message))]);
    }

    static async Task<Results<Ok<IssuedDto>, ProblemHttpResult>> IssueAsync(int id, string kind, IssueNotice.Handler issue, AppDbContext db,
        HttpContext http, CancellationToken ct)
    {
        if (NoticeKinds.Parse(kind) is not { } k) return UnknownKind.ToProblem();
        var r = await issue.HandleAsync(id, k, await TaskViewers.ForAsync(http.User, db, ct), ct);
        return r.IsSuccess ? TypedResults.Ok(new IssuedDto(Dto(r.Value.Notice), r.Value.IsNew)) : r.Error!.ToProblem();
    }

    static async Task<IResult> DownloadAsync(int id, string kind, DownloadNotice.Handler download, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        if (NoticeKinds.Parse(kind) is not { } k) return UnknownKind.ToProblem();
        var r = await download.HandleAsync(id, k, await TaskViewers.ForAsync(http.User, db, ct), ct);
        if (!r.IsSuccess) return r.Error!.ToProblem();
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(r.Value.Bytes, NoticeDocument.ContentType, r.Value.FileName);
    }
}
