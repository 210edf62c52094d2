using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Scopes;

namespace SpotCheck.Pages.Admin.Users;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record UserRow(string UserName, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, int LiveTokens,
        IReadOnlyList<int> DepartmentIds);
    public sealed record DepartmentOption(int Id, string Code, string Name);

    public sealed class NewUser
    {
        [Required(ErrorMessage = "请输入用户名")]
        [RegularExpression("^[A-Za-z0-9._@+-]{2,64}$", ErrorMessage = "用户名只能包含英文字母、数字和 -._@+，2–64 个字符")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Display(Name = "姓名")]
        [StringLength(64, ErrorMessage = "姓名最多 64 个字符")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "请选择角色")]
        [Display(Name = "角色")]
        public string Role { get; set; } = Roles.Officer;

        [Display(Name = "关联执法人员编号")]
        [StringLength(64, ErrorMessage = "人员编号最多 64 个字符")]
        public string? OfficerCode { get; set; }

        [Required(ErrorMessage = "请输入初始密码")]
        [DataType(DataType.Password)]
        [Display(Name = "初始密码")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public NewUser Input { get; set; } = new();
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<DepartmentOption> Departments { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    /// <summary>A freshly issued token, shown once on this response only (never stored in TempData or logs).</summary>
    public string? IssuedToken { get; private set; }
    public string? IssuedFor { get; private set; }

    string Actor => User.Identity!.Name!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync([FromServices] CreateUser.Handler handler, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(new CreateUser.Command(Input.UserName, Input.Role, Input.Password, Actor, Input.DisplayName, Input.OfficerCode), ct);
            if (result.IsSuccess)
            {
                Message = $"已创建用户 {Input.UserName}";
                return RedirectToPage();
            }
            ModelState.AddError(result.Error!, nameof(Input));
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string? userName, List<string>? roles, [FromServices] SetUserRoles.Handler handler, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.HandleAsync(new SetUserRoles.Command(userName ?? "", roles ?? [], Actor), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Error!.Message);
            await LoadAsync(ct);
            return Page();
        }
        Message = $"已更新 {userName} 的角色";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDepartmentsAsync(string? userName, List<string>? departments,
        [FromServices] SetUserDepartments.Handler handler, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.HandleAsync(new SetUserDepartments.Command(userName ?? "", departments ?? [], Actor), ct);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Error!.Message);
            await LoadAsync(ct);
            return Page();
        }
        Message = $"已更新 {userName} 的所属部门";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTokenAsync(string? userName, [FromServices] IssueApiToken.Handler handler, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.HandleAsync(new IssueApiToken.Command(userName ?? "", Actor), ct);
        if (result.IsSuccess)
        {
            IssuedToken = result.Value;
            IssuedFor = userName;
        }
        else ModelState.AddModelError("", result.Error!.Message);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? userName, [FromServices] RevokeApiTokens.Handler handler, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await handler.HandleAsync(new RevokeApiTokens.Command(userName ?? "", Actor), ct);
        Message = result.IsSuccess ? $"已吊销 {userName} 的 {result.Value} 个令牌" : result.Error!.Message;
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Take(1000)
            .Select(u => new
            {
                u.UserName, u.DisplayName, u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Tokens = db.ApiTokens.Count(t => t.UserId == u.Id && t.RevokedAtUtc == null),
                Departments = db.UserDepartments.Where(m => m.UserId == u.Id).Select(m => m.DepartmentId).ToList(),
            })
            .ToListAsync(ct);
        Users = [.. rows.Select(r => new UserRow(r.UserName!, r.DisplayName, [.. r.Roles.Order(StringComparer.Ordinal)],
            r.LockoutEnd is { } end && end > now, r.Tokens, r.Departments))];
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new DepartmentOption(d.Id, d.Code, d.Name)).ToListAsync(ct);
    }
}
