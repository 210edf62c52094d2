using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Api;

/// <summary>检查事项清单: staff reads every version; Admin/Planner create, change (new version) and publish.</summary>
public static class ItemsApi
{
    public sealed record ItemDto(
        int Id, string Code, int Version, string Status, string Name, string EnforcementBody, string LegalBasis,
        int DepartmentId, string TargetType, string Content, IReadOnlyList<string> Methods, string Category,
        string RatioFrequencyNote, DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool IsDemo, DateTime? PublishedAtUtc);

    public static void MapItemsApi(this IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/items").RequireAuthorization(Policies.Staff).WithTags("items");
        read.MapGet("/", ListAsync).WithSummary("检查事项（全部版本，按编码、版本排序）");
        read.MapGet("/{id:int}", GetAsync).WithSummary("一个事项版本");

        var write = api.MapGroup("/items").RequireAuthorization(Policies.Editors).WithTags("items");
        write.MapPost("/", SaveAsync).WithSummary("新建事项或修改（已发布的版本生成新草稿版本）");
        write.MapPost("/{id:int}/publish", PublishAsync).WithSummary("发布草稿版本");
    }

    static async Task<Results<Ok<ListResult<ItemDto>>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, string? status, AppDbContext db, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        var query = db.InspectionItems.AsNoTracking();
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<ItemStatus>(status, ignoreCase: false, out var s) || !Enum.IsDefined(s))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["status 应为 Draft、Published 或 Retired"] });
            query = query.Where(i => i.Status == s);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(i => i.Code).ThenBy(i => i.Version).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(paging.Wrap(total, items.Select(ToDto).ToList()));
    }

    static async Task<Results<Ok<ItemDto>, NotFound>> GetAsync(int id, AppDbContext db, CancellationToken ct) =>
        await db.InspectionItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } item
            ? TypedResults.Ok(ToDto(item))
            : TypedResults.NotFound();

    static async Task<Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        SaveItem.Command body, SaveItem.Handler handler, HttpContext http, CancellationToken ct) =>
        (await handler.HandleAsync(body, http.User.Identity!.Name!, ct)).ToSaved();

    static async Task<Results<NoContent, ProblemHttpResult>> PublishAsync(int id, PublishItem.Handler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, http.User.Identity!.Name!, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }

    static ItemDto ToDto(InspectionItem i) => new(
        i.Id, i.Code, i.Version, i.Status.ToString(), i.Name, i.EnforcementBody, i.LegalBasis, i.DepartmentId,
        ItemCodes.Code(i.TargetType), i.Content, i.MethodList, ItemCodes.Code(i.Category), i.RatioFrequencyNote,
        i.EffectiveFrom, i.EffectiveTo, i.IsDemo, i.PublishedAtUtc);
}
