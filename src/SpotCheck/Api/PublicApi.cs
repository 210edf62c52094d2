using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Items;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Publication;

namespace SpotCheck.Api;

/// <summary>SPEC §5 public read-only API: anonymous, paged, nothing private.</summary>
public static class PublicApi
{
    public sealed record PublicItemDto(
        string Code, int Version, string Name, string EnforcementBody, string LegalBasis, string Department,
        string TargetType, string Content, IReadOnlyList<string> Methods, string Category, string RatioFrequencyNote,
        DateOnly EffectiveFrom, DateOnly? EffectiveTo);

    public static void MapPublicApi(this IEndpointRouteBuilder api)
    {
        var pub = api.MapGroup("/public").AllowAnonymous().WithTags("public");
        pub.MapGet("/items", ListItemsAsync).WithName("PublicItems").WithSummary("已发布的检查事项（含执法依据）");
        pub.MapGet("/plans", ListPlansAsync).WithSummary("已发布的抽查计划");
        pub.MapGet("/draws", ListDrawsAsync).WithSummary("已公示的抽取");
        pub.MapGet("/draws/{drawId}/record", DrawRecordAsync).WithSummary("抽取记录，可直接用 spotcheck draw verify 核验");
        pub.MapGet("/audit/head", AuditHeadAsync).WithSummary("审计日志链头（序号与哈希）");
        pub.MapGet("/results", ResultsAsync).WithSummary("抽查结果公告（当前版本）：q 匹配企业名称或统一社会信用代码，year 为检查年度，item 为事项编码，department 为部门编码，result 为结果代码");
        pub.MapPublicResultsExport();
    }

    public sealed record PublicPlanDto(int Id, int Year, int? Quarter, string Name, string State, IReadOnlyList<int> ItemIds,
        IReadOnlyList<string> Departments, IReadOnlyDictionary<string, long> RatioPpm, int TeamSize, DateOnly EndDate, DateTime? PublishedAtUtc, int VoidedDraws);

    public sealed record PublicDrawDto(string DrawId, int PlanId, string PlanName, string Status, int FrameCount, int SelectedCount,
        int TeamCount, int InfeasibleCount, DateTime PublishedAtUtc);

    static async Task<Results<Ok<ListResult<PublicPlanDto>>, ValidationProblem>> ListPlansAsync(int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        var published = db.Plans.AsNoTracking().Where(p => p.State != PlanState.Draft);
        var total = await published.CountAsync(ct);
        var plans = await published.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        // draw-spec §6.6: the number of voided draws is published with the plan.
        var voided = await db.DrawSessions.AsNoTracking().IgnoreAutoIncludes().Where(d => ids.Contains(d.PlanId) && d.Status == DrawStatus.Voided)
            .GroupBy(d => d.PlanId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return TypedResults.Ok(paging.Wrap<PublicPlanDto>(total, plans.Select(p => new PublicPlanDto(p.Id, p.Year, p.Quarter, p.Name, p.State.ToString(),
            p.ItemIdList, p.DepartmentCodeList, p.RiskClassList.ToDictionary(r => r.ToString(), p.RatioPpmOf), p.TeamSize, p.EndDate, p.PublishedAtUtc, voided.GetValueOrDefault(p.Id))).ToList()));
    }

    static async Task<Results<Ok<ListResult<PublicDrawDto>>, ValidationProblem>> ListDrawsAsync(int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        var published = db.DrawSessions.AsNoTracking().IgnoreAutoIncludes().Where(d => d.PublishedAtUtc != null);
        var total = await published.CountAsync(ct);
        var rows = await published.OrderByDescending(d => d.PublishedAtUtc).ThenByDescending(d => d.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Plans, d => d.PlanId, p => p.Id, (d, p) => new { Draw = d, p.Name }).ToListAsync(ct);
        return TypedResults.Ok(paging.Wrap<PublicDrawDto>(total, rows.Select(r => new PublicDrawDto(r.Draw.DrawId, r.Draw.PlanId, r.Name,
            r.Draw.Status.ToString(), r.Draw.FrameCount, r.Draw.SelectedCount, r.Draw.TeamCount,
            r.Draw.InfeasibleReport.Length == 0 ? 0 : r.Draw.InfeasibleReport.Split('\n').Length, r.Draw.PublishedAtUtc!.Value)).ToList()));
    }

    static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult, NotFound>> DrawRecordAsync(
        string drawId, AppDbContext db, SpotCheck.Hosting.DrawRecordCache records, CancellationToken ct)
    {
        // Before 公示 a draw does not exist for the public (检查前不告知).
        if (!await db.DrawSessions.AnyAsync(d => d.DrawId == drawId && d.PublishedAtUtc != null, ct)) return TypedResults.NotFound();
        var record = await records.GetAsync(drawId, includePrivateFiles: false, ct);
        return record.IsSuccess
            ? TypedResults.PhysicalFile(record.Value.Path, "application/json; charset=utf-8",
                entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(record.Value.ETag))
            : record.Error!.ToProblem();
    }

    /// <summary>SPEC §5: exactly these fields; 检查事项 and 检查实施机关 joined with 、 for a joint visit.</summary>
    public sealed record PublicResultDto(string EnterpriseName, string Uscc, string Item, DateOnly InspectedOn, string Result, string FollowUp,
        string Department, DateTime PublishedAt);

    static async Task<Results<Ok<ListResult<PublicResultDto>>, ValidationProblem>> ResultsAsync(string? q, int? year, string? item, string? department,
        string? result, int? page, int? pageSize, PublicResults.Handler results, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        if (year is < 2000 or > 2100) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["year 应为 2000–2100 之间的年份"] });
        if (q is { Length: > 100 }) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["q 不能超过100个字符"] });
        if (paging.Page > PublicResults.MaxPageNumber(paging.PageSize))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["page"] = [$"每页 {paging.PageSize} 条时 page 最大为 {PublicResults.MaxPageNumber(paging.PageSize)}；请用 year、item、department 或 q 缩小范围，或下载开放数据 /api/v1/public/results/export?year=年度"],
            });
        var found = await results.SearchAsync(new PublicResults.Query(q, year, item, department, result, paging.Page, paging.PageSize), ct);
        return TypedResults.Ok(paging.Wrap(found.Total, found.Items.Select(ToDto).ToList()));
    }

    public static PublicResultDto ToDto(PublishedResult r) => new(r.EnterpriseName, r.Uscc, r.ItemNames, r.InspectedOn, r.ResultText,
        r.FollowUpText, r.DepartmentNames, DateTime.SpecifyKind(r.PublishedAtUtc, DateTimeKind.Utc));

    static async Task<Ok<AuditHead>> AuditHeadAsync(AppDbContext db, CancellationToken ct) => TypedResults.Ok(await new AuditReader(db).HeadAsync(ct));

    static async Task<Results<Ok<ListResult<PublicItemDto>>, ValidationProblem>> ListItemsAsync(
        int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        var published = db.InspectionItems.AsNoTracking().Where(i => i.Status == ItemStatus.Published);
        var total = await published.CountAsync(ct);
        var rows = await published
            .OrderBy(i => i.Code)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Departments, i => i.DepartmentId, d => d.Id, (i, d) => new { Item = i, Department = d.Name })
            .ToListAsync(ct);
        var items = rows.Select(r => new PublicItemDto(
            r.Item.Code, r.Item.Version, r.Item.Name, r.Item.EnforcementBody, r.Item.LegalBasis, r.Department,
            ItemCodes.Code(r.Item.TargetType), r.Item.Content, r.Item.MethodList, ItemCodes.Code(r.Item.Category),
            r.Item.RatioFrequencyNote, r.Item.EffectiveFrom, r.Item.EffectiveTo)).ToList();
        return TypedResults.Ok(paging.Wrap<PublicItemDto>(total, items));
    }
}
