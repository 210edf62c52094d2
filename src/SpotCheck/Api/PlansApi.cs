using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Plans;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Api;

/// <summary>抽查计划: staff read; planners create, edit drafts, publish and close.</summary>
public static class PlansApi
{
    public sealed record PlanDto(
        int Id, int Year, int? Quarter, string Name, string State, IReadOnlyList<int> ItemIds, IReadOnlyList<string> Departments,
        IReadOnlyList<string> Tags, string? RegionPrefix, IReadOnlyList<string> Statuses, IReadOnlyDictionary<string, long> RatioPpm,
        string FlagPolicy, int SeriousViolationWeight, int AbnormalListWeight, long FlaggedRatioPpm, int WindowDays, int TeamSize,
        DateOnly EndDate, DateTime? PublishedAtUtc);

    public static void MapPlansApi(this IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/plans").RequireAuthorization(Policies.Staff).WithTags("plans");
        read.MapGet("/", ListAsync).WithSummary("抽查计划（全部）");
        read.MapGet("/{id:int}", GetAsync).WithSummary("一个抽查计划");

        var write = api.MapGroup("/plans").RequireAuthorization(Policies.Planners).WithTags("plans");
        write.MapPost("/", SaveAsync).WithSummary("新建计划（id 为 0）或修改草稿");
        write.MapPost("/{id:int}/publish", PublishAsync).WithSummary("发布计划（公开，写入 PLAN 审计记录）");
        write.MapPost("/{id:int}/close", CloseAsync).WithSummary("关闭计划");
    }

    static async Task<Results<Ok<ListResult<PlanDto>>, ValidationProblem>> ListAsync(int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        var total = await db.Plans.CountAsync(ct);
        var plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(paging.Wrap(total, plans.Select(ToDto).ToList()));
    }

    static async Task<Results<Ok<PlanDto>, NotFound>> GetAsync(int id, AppDbContext db, CancellationToken ct) =>
        await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } plan ? TypedResults.Ok(ToDto(plan)) : TypedResults.NotFound();

    static async Task<Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        SavePlan.Command body, SavePlan.Handler handler, HttpContext http, CancellationToken ct) =>
        (await handler.HandleAsync(body, http.User.Identity!.Name!, ct)).ToSaved();

    static async Task<Results<NoContent, ProblemHttpResult>> PublishAsync(int id, PublishPlan.Handler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, http.User.Identity!.Name!, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }

    static async Task<Results<NoContent, ProblemHttpResult>> CloseAsync(int id, ClosePlan.Handler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, http.User.Identity!.Name!, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }

    public static PlanDto ToDto(Plan p) => new(
        p.Id, p.Year, p.Quarter, p.Name, p.State.ToString(), p.ItemIdList, p.DepartmentCodeList, p.TagList, p.RegionPrefix,
        p.StatusList.Select(s => s.ToString()).ToList(), p.RiskClassList.ToDictionary(r => r.ToString(), p.RatioPpmOf),
        p.FlagPolicy.ToString(), p.SeriousViolationWeight, p.AbnormalListWeight, p.FlaggedRatioPpm, p.WindowDays, p.TeamSize,
        p.EndDate, p.PublishedAtUtc);
}
