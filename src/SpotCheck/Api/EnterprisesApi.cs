using Microsoft.AspNetCore.Http.HttpResults;
using SpotCheck.Core.Common;
using SpotCheck.Core.Enterprises;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Api;

/// <summary>检查对象名录库: paged search for staff; Admin/Planner create and update (USCC override: Admin only).</summary>
public static class EnterprisesApi
{
    public sealed record EnterpriseDto(
        int Id, string Name, string Uscc, string RegionCode, string Address, IReadOnlyList<string> Tags, string RiskClass,
        bool AbnormalList, bool SeriousViolation, string Status, string? ContactName, string? ContactPhone, bool IsDemo,
        bool UsccOverridden, int Version);

    public sealed record ChangeDto(DateTime ChangedAtUtc, string Actor, string Source, string Field, string? OldValue, string? NewValue);

    public sealed record EnterpriseDetailDto(EnterpriseDto Enterprise, IReadOnlyList<ChangeDto> Changes);

    public static void MapEnterprisesApi(this IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/enterprises").RequireAuthorization(Policies.Staff).WithTags("enterprises");
        read.MapGet("/", SearchAsync).WithSummary("检索检查对象（分页；name 为前缀匹配）");
        read.MapGet("/{id:int}", GetAsync).WithSummary("检查对象及其变更历史");

        var write = api.MapGroup("/enterprises").RequireAuthorization(Policies.Editors).WithTags("enterprises");
        write.MapPost("/", (SaveEnterprise.Command body, SaveEnterprise.Handler h, HttpContext http, CancellationToken ct) =>
            SaveAsync(null, body, h, http, ct)).WithSummary("新增检查对象");
        write.MapPut("/{id:int}", (int id, SaveEnterprise.Command body, SaveEnterprise.Handler h, HttpContext http, CancellationToken ct) =>
            SaveAsync(id, body, h, http, ct)).WithSummary("修改检查对象（保留变更历史）");
    }

    static async Task<Results<Ok<ListResult<EnterpriseDto>>, ValidationProblem>> SearchAsync(
        int? page, int? pageSize, string? name, string? uscc, string? regionCode, string? tag, string? riskClass, string? status,
        bool? abnormalList, bool? seriousViolation, SearchEnterprises.Handler search, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        RiskClass? risk = null;
        if (!string.IsNullOrEmpty(riskClass))
        {
            var parsed = EnterpriseRules.Risk(riskClass);
            if (!parsed.IsSuccess) errors["riskClass"] = [parsed.Error!.Message];
            else risk = parsed.Value;
        }
        EnterpriseStatus? state = null;
        if (!string.IsNullOrEmpty(status))
        {
            var parsed = EnterpriseRules.Status(status);
            if (!parsed.IsSuccess) errors["status"] = [parsed.Error!.Message];
            else state = parsed.Value;
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var result = await search.HandleAsync(new SearchEnterprises.Query
        {
            Name = name, Uscc = uscc, RegionCode = regionCode, Tag = tag, RiskClass = risk, Status = state,
            AbnormalList = abnormalList, SeriousViolation = seriousViolation, Page = paging.Page, PageSize = paging.PageSize,
        }, ct);
        var items = result.Items.Select(r => new EnterpriseDto(r.Id, r.Name, r.Uscc, r.RegionCode, r.Address, r.Tags,
            r.RiskClass.ToString(), r.AbnormalList, r.SeriousViolation, EnterpriseLabels.Of(r.Status), null, null, r.IsDemo,
            r.UsccOverridden, r.RowVersion)).ToList();
        return TypedResults.Ok(paging.Wrap(result.Total ?? 0, items));
    }

    static async Task<Results<Ok<EnterpriseDetailDto>, NotFound>> GetAsync(int id, GetEnterprise.Handler get, HttpContext http, CancellationToken ct)
    {
        var found = await get.HandleAsync(id, ct);
        if (!found.IsSuccess) return TypedResults.NotFound();
        var e = found.Value;
        VersionHeaders.SetETag(http, e.RowVersion);
        return TypedResults.Ok(new EnterpriseDetailDto(
            new EnterpriseDto(e.Id, e.Name, e.Uscc, e.RegionCode, e.Address, e.TagNames, e.RiskClass.ToString(), e.AbnormalList,
                e.SeriousViolation, EnterpriseLabels.Of(e.Status), e.ContactName, e.ContactPhone, e.IsDemo, e.UsccOverridden, e.RowVersion),
            [.. e.Changes.Select(c => new ChangeDto(c.ChangedAtUtc, c.Actor, c.Source, c.Field, c.OldValue, c.NewValue))]));
    }

    static async Task<Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        int? id, SaveEnterprise.Command body, SaveEnterprise.Handler handler, HttpContext http, CancellationToken ct)
    {
        body.Id = id;
        if (!VersionHeaders.TryReadIfMatch(http, out var ifMatch))
            return new Error("http.if_match", "If-Match 须为本接口返回的 ETag（如 \"3\"）", "If-Match").ToValidationProblem();
        if (ifMatch is not null) body.ExpectedVersion = ifMatch;
        // The override of the check character is the Admin's alone (domain.md §5), whoever may edit the rest.
        if (body.UsccOverrideReason is not null && !await http.MayAsync(Policies.Admin))
            return new Error("enterprise.override_forbidden", "只有系统管理员可以覆盖统一社会信用代码校验", nameof(body.UsccOverrideReason))
                .ToValidationProblem();
        return (await handler.HandleAsync(body, http.User.Identity!.Name!, ct)).ToSaved();
    }
}
