using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;

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
    }

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
