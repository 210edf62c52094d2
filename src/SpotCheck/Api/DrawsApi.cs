using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Plans;
using SpotCheck.Draw;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Api;

/// <summary>
/// The draw ceremony (draw-spec §6): the Planner freezes, runs, voids and publishes; Planner (组织方) and Supervisor
/// (监督方) each commit and reveal their own secret and enter the public randomness independently.
/// </summary>
public static class DrawsApi
{
    public sealed record DrawDto(
        string DrawId, int PlanId, string? SupplementOf, string Status, string StatusLabel, DateOnly AsOf, string InputsHash,
        int FrameCount, int ExcludedCount, int InspectorCount, string RandomnessSource, IReadOnlyDictionary<string, string?> Commitments,
        bool RandomnessPending, string? PublicRandomness, string? ReadAloudCode, IReadOnlyList<string> RevealedParties, string? Seed,
        int SelectedCount, int TeamCount, IReadOnlyList<string> Infeasible, string? VoidReason, DateTime? PublishedAtUtc);

    public sealed record FreezeBody(string RandomnessSource, string? SupplementOf);
    public sealed record SecretBody(string? Secret);
    public sealed record RandomnessBody(string Value);
    public sealed record ReasonBody(string Reason);
    public sealed record CommitDto(string Party, string Secret, string Commitment);

    public static void MapDrawsApi(this IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/draws").RequireAuthorization(Policies.DrawReaders).WithTags("draws");
        read.MapGet("/", ListAsync).WithSummary("抽取（全部）");
        read.MapGet("/{drawId}", GetAsync).WithSummary("一次抽取的当前状态");
        read.MapGet("/{drawId}/record", RecordAsync).WithSummary("完整抽取记录（含回避与上轮名单文件）");

        var runners = api.MapGroup("").RequireAuthorization(Policies.Planners).WithTags("draws");
        runners.MapPost("/plans/{planId:int}/draws", FreezeAsync).WithSummary("冻结名录与参数，开始抽取");
        runners.MapPost("/draws/{drawId}/run", RunAsync).WithSummary("计算种子、抽取对象并配员");
        runners.MapPost("/draws/{drawId}/void", VoidAsync).WithSummary("作废未完成的抽取");
        runners.MapPost("/draws/{drawId}/publish", PublishAsync).WithSummary("公示已完成的抽取");

        var parties = api.MapGroup("/draws").RequireAuthorization(Policies.DrawParties).WithTags("draws");
        parties.MapPost("/{drawId}/commit", CommitAsync).WithSummary("本方提交承诺（秘密值只显示一次）");
        parties.MapPost("/{drawId}/public-randomness", RandomnessAsync).WithSummary("录入公共随机数（两人各录一次）");
        parties.MapPost("/{drawId}/reveal", RevealAsync).WithSummary("本方揭示秘密值");
    }

    /// <summary>The party a user acts as: the Planner organises, the Supervisor supervises.</summary>
    public static async Task<string> PartyOfAsync(HttpContext http) =>
        await http.MayAsync(Policies.Planners) ? DrawSession.Organizer : DrawSession.Supervisor;

    static async Task<Ok<List<DrawDto>>> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var draws = await db.DrawSessions.AsNoTracking().IgnoreAutoIncludes().OrderByDescending(d => d.Id).Take(200).ToListAsync(ct);
        return TypedResults.Ok(draws.Select(ToDto).ToList());
    }

    static async Task<Results<Ok<DrawDto>, NotFound>> GetAsync(string drawId, AppDbContext db, CancellationToken ct) =>
        await db.DrawSessions.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(d => d.DrawId == drawId, ct) is { } d ? TypedResults.Ok(ToDto(d)) : TypedResults.NotFound();

    static async Task<Results<ContentHttpResult, ProblemHttpResult>> RecordAsync(string drawId, DrawRecords.Handler handler, CancellationToken ct) =>
        Json(await handler.HandleAsync(drawId, includePrivateFiles: true, ct));

    internal static Results<ContentHttpResult, ProblemHttpResult> Json(Result<JsonObject> record) =>
        record.IsSuccess
            ? TypedResults.Content(record.Value.ToJsonString(), "application/json; charset=utf-8")
            : record.Error!.ToProblem();

    static async Task<Results<Ok<DrawDto>, ValidationProblem, ProblemHttpResult>> FreezeAsync(
        int planId, FreezeBody body, FreezeDraw.Handler handler, AppDbContext db, IConfiguration config, HttpContext http, CancellationToken ct)
    {
        var cap = config.GetValue("SpotCheck:YearlyCapPerEnterprise", PlanRules.DefaultYearlyCap);
        var result = await handler.HandleAsync(new FreezeDraw.Command
        {
            PlanId = planId, RandomnessSource = body.RandomnessSource, SupplementOf = body.SupplementOf, YearlyCap = cap,
        }, http.User.Identity!.Name!, ct);
        if (!result.IsSuccess) return Fail<Ok<DrawDto>>(result.Error!);
        return TypedResults.Ok(ToDto(await db.DrawSessions.AsNoTracking().IgnoreAutoIncludes().SingleAsync(d => d.DrawId == result.Value, ct)));
    }

    static async Task<Results<Ok<CommitDto>, ValidationProblem, ProblemHttpResult>> CommitAsync(
        string drawId, SecretBody body, CommitDraw.Handler handler, HttpContext http, CancellationToken ct)
    {
        var party = await PartyOfAsync(http);
        var result = await handler.HandleAsync(drawId, party, body.Secret, http.User.Identity!.Name!, ct);
        return result.IsSuccess
            ? TypedResults.Ok(new CommitDto(party, result.Value, DrawHash.Commitment(drawId, party, result.Value)))
            : Fail<Ok<CommitDto>>(result.Error!);
    }

    static async Task<Results<Ok<EnterPublicRandomness.Outcome>, ValidationProblem, ProblemHttpResult>> RandomnessAsync(
        string drawId, RandomnessBody body, EnterPublicRandomness.Handler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(drawId, body.Value ?? "", http.User.Identity!.Name!, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : Fail<Ok<EnterPublicRandomness.Outcome>>(result.Error!);
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RevealAsync(
        string drawId, SecretBody body, RevealSecret.Handler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(drawId, await PartyOfAsync(http), body.Secret ?? "", http.User.Identity!.Name!, ct);
        return result.IsSuccess ? TypedResults.NoContent() : Fail<NoContent>(result.Error!);
    }

    static async Task<Results<Ok<RunDraw.Outcome>, ValidationProblem, ProblemHttpResult>> RunAsync(
        string drawId, RunDraw.Handler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(drawId, http.User.Identity!.Name!, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : Fail<Ok<RunDraw.Outcome>>(result.Error!);
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> VoidAsync(
        string drawId, ReasonBody body, VoidDraw.Handler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(drawId, body.Reason ?? "", http.User.Identity!.Name!, ct);
        return result.IsSuccess ? TypedResults.NoContent() : Fail<NoContent>(result.Error!);
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> PublishAsync(
        string drawId, PublishDraw.Handler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(drawId, http.User.Identity!.Name!, ct);
        return result.IsSuccess ? TypedResults.NoContent() : Fail<NoContent>(result.Error!);
    }

    static Results<T, ValidationProblem, ProblemHttpResult> Fail<T>(Error e) where T : IResult =>
        e.Kind == ErrorKind.Validation ? e.ToValidationProblem() : e.ToProblem();

    public static DrawDto ToDto(DrawSession d) => new(
        d.DrawId, d.PlanId, d.SupplementOf, d.Status.ToString(), DrawLabels.Of(d.Status), d.AsOf, d.InputsHash,
        d.FrameCount, d.ExcludedCount, d.InspectorCount, d.RandomnessSource,
        DrawSession.Parties.ToDictionary(p => p, d.CommitmentOf), d.PendingRandomness is not null && d.PublicRandomness is null, d.PublicRandomness,
        d.PublicRandomness is { } r ? DrawHash.ReadAloudCode(r) : null,
        DrawSession.Parties.Where(p => d.SecretOf(p) is not null).ToList(), d.Seed, d.SelectedCount, d.TeamCount,
        d.InfeasibleReport.Length == 0 ? [] : d.InfeasibleReport.Split('\n'), d.VoidReason, d.PublishedAtUtc);

}
