using Microsoft.AspNetCore.Http.HttpResults;
using SpotCheck.Core.Data;
using SpotCheck.Core.Publication;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Api;

/// <summary>公示 for staff: publish a batch, correct a published result (Reviewer), the deadline board (staff).</summary>
public static class PublicationsApi
{
    public sealed record PublishBody(IReadOnlyList<int>? TaskIds);

    public sealed record DeadlineRowDto(int TaskId, string EnterpriseName, string Uscc, string Items, string Departments, string State,
        DateOnly ConcludedOn, DateOnly? Deadline, int? DeadlineYearMissing, DateOnly? PublishedOn);

    public sealed record DeadlineGroupDto(string Code, string Name, int DueSoon, int Overdue, int PublishedLate, int Waiting);

    public sealed record DeadlineBoardDto(DateOnly Today, DateOnly Horizon, IReadOnlyList<DeadlineRowDto> DueSoon, IReadOnlyList<DeadlineRowDto> Overdue,
        IReadOnlyList<DeadlineRowDto> PublishedLate, IReadOnlyList<DeadlineRowDto> Waiting, IReadOnlyList<DeadlineGroupDto> ByDepartment,
        IReadOnlyList<DeadlineGroupDto> ByItem);

    public static void MapPublicationsApi(this IEndpointRouteBuilder api)
    {
        var reviewers = api.MapGroup("/").RequireAuthorization(Policies.Reviewers).WithTags("publication");
        reviewers.MapPost("/publications", PublishAsync).WithSummary("公示一条或一批审核通过的检查结果（一条审计记录，含当时的审计链头）");
        reviewers.MapPost("/tasks/{id:int}/corrections", CorrectAsync).WithSummary("更正已公示的检查结果（新版本，保留原版本）");
        var staff = api.MapGroup("/deadlines").RequireAuthorization(Policies.Staff).WithTags("publication");
        staff.MapGet("/", BoardAsync).WithSummary("公示期限：即将到期、已逾期、逾期公示、期限待定，按部门和事项汇总");
    }

    static async Task<Results<Ok<PublishResults.Outcome>, ValidationProblem, ProblemHttpResult>> PublishAsync(PublishBody body,
        PublishResults.Handler publish, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var r = await publish.HandleAsync(body.TaskIds ?? [], await TaskViewers.ForAsync(http.User, db, ct), ct);
        if (r.IsSuccess) return TypedResults.Ok(r.Value);
        return r.Error.Kind == Core.Common.ErrorKind.Validation ? r.Error.ToValidationProblem() : r.Error.ToProblem();
    }

    static async Task<Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult>> CorrectAsync(int id, CorrectResult.Command body,
        CorrectResult.Handler correct, AppDbContext db, HttpContext http, CancellationToken ct) =>
        (await correct.HandleAsync(id, body, await TaskViewers.ForAsync(http.User, db, ct), ct)).ToSaved();

    static async Task<Results<Ok<DeadlineBoardDto>, ValidationProblem>> BoardAsync(int? year, string? department, string? item,
        DeadlineBoard.Handler board, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["year 应为 2000–2100 之间的年份"] });
        var filter = new DeadlineBoard.Filter(year ?? Pages.Ui.LocalToday(clock).Year, Blank(department), Blank(item));
        var b = await board.HandleAsync(filter, await TaskViewers.ForAsync(http.User, db, ct), ct);
        static DeadlineRowDto Row(DeadlineBoard.Row r) => new(r.TaskId, r.EnterpriseName, r.Uscc, r.ItemNames, r.DepartmentNames, r.State.ToString(),
            r.ConcludedOn, r.Deadline, r.YearMissing, r.PublishedOn);
        static DeadlineGroupDto Group(DeadlineBoard.Group g) => new(g.Code, g.Name, g.DueSoon, g.Overdue, g.PublishedLate, g.Waiting);
        return TypedResults.Ok(new DeadlineBoardDto(b.Today, b.Horizon, [.. b.DueSoon.Select(Row)], [.. b.Overdue.Select(Row)],
            [.. b.PublishedLate.Select(Row)], [.. b.Waiting.Select(Row)], [.. b.ByDepartment.Select(Group)], [.. b.ByItem.Select(Group)]));
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
