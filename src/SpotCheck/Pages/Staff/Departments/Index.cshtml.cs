using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Officers;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Departments;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Code, string Name, bool IsDemo, int Officers, int ActiveOfficers, string? ParentName);

    public sealed class DepartmentInput
    {
        [Required(ErrorMessage = "请输入部门编码")]
        [Display(Name = "部门编码")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "请输入部门名称")]
        [Display(Name = "部门名称")]
        public string Name { get; set; } = "";

        [Display(Name = "上级部门")]
        public string? ParentCode { get; set; }
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [BindProperty] public DepartmentInput Input { get; set; } = new();

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Creates a department, or renames the one with this code.</summary>
    [HandlerPolicy(Policies.Editors)]
    public async Task<IActionResult> OnPostAsync([FromServices] SaveDepartment.Handler save, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            // The hierarchy decides who reads whose work, so only an administrator sets it.
            var parent = User.IsInRole(Core.Identity.Roles.Admin) ? Input.ParentCode ?? "" : null;
            var result = await save.HandleAsync(new SaveDepartment.Command(Input.Code, Input.Name, parent), User.Identity!.Name!, ct);
            if (result.IsSuccess) return RedirectToPage();
            ModelState.AddError(result.Error!, nameof(Input));
        }
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new Row(d.Id, d.Code, d.Name, d.IsDemo,
                db.Officers.Count(o => o.DepartmentId == d.Id), db.Officers.Count(o => o.DepartmentId == d.Id && o.Active),
                db.Departments.Where(p => p.Id == d.ParentId).Select(p => p.Name).FirstOrDefault()))
            .ToListAsync(ct);
}
