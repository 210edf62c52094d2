using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Items;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }

    public IReadOnlyList<InspectionItem> Versions { get; private set; } = [];
    public InspectionItem Shown { get; private set; } = null!;
    public string Department { get; private set; } = "";
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    [HandlerPolicy(Policies.Editors)]
    public async Task<IActionResult> OnPostPublishAsync(int id, [FromServices] PublishItem.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, User.Identity!.Name!, ct);
        if (result.IsSuccess)
        {
            Message = "已发布";
            return RedirectToPage(new { Code });
        }
        ModelState.AddModelError("", result.Error!.Message);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    [HandlerPolicy(Policies.Editors)]
    public async Task<IActionResult> OnPostRetireAsync(int id, DateOnly? effectiveTo, [FromServices] RetireItem.Handler handler, CancellationToken ct)
    {
        if (effectiveTo is null) ModelState.AddModelError("", "请填写失效日期");
        else
        {
            var result = await handler.HandleAsync(id, effectiveTo.Value, User.Identity!.Name!, ct);
            if (result.IsSuccess)
            {
                Message = "已废止";
                return RedirectToPage(new { Code });
            }
            ModelState.AddModelError("", result.Error!.Message);
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        Versions = await db.InspectionItems.AsNoTracking().Where(i => i.Code == Code).OrderByDescending(i => i.Version).ToListAsync(ct);
        if (Versions.Count == 0) return false;
        Shown = Versions.FirstOrDefault(v => v.Version == Version) ?? Versions[0];
        Department = await db.Departments.Where(d => d.Id == Shown.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(ct) ?? "";
        return true;
    }
}
