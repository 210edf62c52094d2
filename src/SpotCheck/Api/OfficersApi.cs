using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Officers;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Api;

/// <summary>执法检查人员名录库 and 部门: staff reads; Admin/Planner create and update.</summary>
public static class OfficersApi
{
    public sealed record OfficerDto(int Id, string Code, string Name, string DepartmentCode, string DepartmentName,
        string CertificateNo, DateOnly CertificateValidTo, IReadOnlyList<string> Specialties, bool Active, int WorkloadCap,
        bool IsDemo, int ConflictCount);

    public sealed record ReasonBody(string Reason);

    public sealed record DepartmentDto(int Id, string Code, string Name, bool IsDemo);

    public static void MapOfficersApi(this IEndpointRouteBuilder api)
    {
        var officers = api.MapGroup("/officers").RequireAuthorization(Policies.Staff).WithTags("officers");
        officers.MapGet("/", ListOfficersAsync).WithSummary("执法检查人员");
        var officerWrites = api.MapGroup("/officers").RequireAuthorization(Policies.Editors).WithTags("officers");
        officerWrites.MapPost("/", (SaveOfficer.Command body, SaveOfficer.Handler h, HttpContext http, CancellationToken ct) =>
            SaveOfficerAsync(null, body, h, http, ct)).WithSummary("新增执法检查人员");
        officerWrites.MapPut("/{id:int}", (int id, SaveOfficer.Command body, SaveOfficer.Handler h, HttpContext http, CancellationToken ct) =>
            SaveOfficerAsync(id, body, h, http, ct)).WithSummary("修改执法检查人员");
        officerWrites.MapPost("/{id:int}/conflicts/{conflictId:int}/withdraw", WithdrawConflictAsync)
            .WithSummary("撤回回避事由（保留记录：撤回人、时间、原因）");

        var departments = api.MapGroup("/departments").RequireAuthorization(Policies.Staff).WithTags("departments");
        departments.MapGet("/", ListDepartmentsAsync).WithSummary("部门");
        var departmentWrites = api.MapGroup("/departments").RequireAuthorization(Policies.Editors).WithTags("departments");
        departmentWrites.MapPost("/", SaveDepartmentAsync).WithSummary("新增部门或按编码更名");
    }

    static async Task<Results<Ok<ListResult<OfficerDto>>, ValidationProblem>> ListOfficersAsync(
        int? page, int? pageSize, int? departmentId, ListOfficers.Handler list, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        var found = await list.HandleAsync(departmentId, paging.Skip, paging.PageSize, ct);
        var items = found.Rows.Select(o => new OfficerDto(o.Id, o.Code, o.Name, o.DepartmentCode,
            o.DepartmentName, o.CertificateNo, o.CertificateValidTo, o.Specialties.Split(';', StringSplitOptions.RemoveEmptyEntries),
            o.Active, o.WorkloadCap, o.IsDemo, o.ConflictCount)).ToList();
        return TypedResults.Ok(paging.Wrap(found.Total, items));
    }

    static async Task<Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult>> SaveOfficerAsync(
        int? id, SaveOfficer.Command body, SaveOfficer.Handler handler, HttpContext http, CancellationToken ct)
    {
        body.Id = id;
        return (await handler.HandleAsync(body, http.User.Identity!.Name!, ct)).ToSaved();
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> WithdrawConflictAsync(
        int id, int conflictId, ReasonBody body, WithdrawConflict.Handler handler, HttpContext http, CancellationToken ct)
    {
        var r = await handler.HandleAsync(id, conflictId, body.Reason ?? "", http.User.Identity!.Name!, ct);
        if (r.IsSuccess) return TypedResults.NoContent();
        return r.Error!.Kind == ErrorKind.Validation ? r.Error.ToValidationProblem() : r.Error.ToProblem();
    }

    static async Task<Results<Ok<ListResult<DepartmentDto>>, ValidationProblem>> ListDepartmentsAsync(
        int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var errors)) return TypedResults.ValidationProblem(errors);
        var total = await db.Departments.CountAsync(ct);
        var items = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Skip(paging.Skip).Take(paging.PageSize)
            .Select(d => new DepartmentDto(d.Id, d.Code, d.Name, d.IsDemo)).ToListAsync(ct);
        return TypedResults.Ok(paging.Wrap(total, items));
    }

    static async Task<Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult>> SaveDepartmentAsync(
        SaveDepartment.Command body, SaveDepartment.Handler handler, HttpContext http, CancellationToken ct) =>
        (await handler.HandleAsync(body, http.User.Identity!.Name!, ct)).ToSaved();
}
