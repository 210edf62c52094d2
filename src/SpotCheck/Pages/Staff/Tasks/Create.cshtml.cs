using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Pages.Staff.Tasks;

/// <summary>A planner creates a non-random task (受理举报 and the like) outside any draw.</summary>
public sealed class CreateModel(AppDbContext db) : PageModel
{
    [BindProperty] public CreateTask.Command Input { get; set; } = new() { Source = "COMPLAINT" };
    public IReadOnlyList<(int Id, string Label)> Items { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Officers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] CreateTask.Handler create, CancellationToken ct)
    {
        var result = await create.HandleAsync(Input, User.Identity!.Name!, ct);
        if (result.IsSuccess) return RedirectToPage("Details", new { id = result.Value });
        ModelState.AddError(result.Error!, nameof(Input));
        ModelState.AddModelError("", result.Error!.Message);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Items = (await db.InspectionItems.AsNoTracking().Where(i => i.Status == ItemStatus.Published).OrderBy(i => i.Code).ToListAsync(ct))
            .Select(i => (i.Id, $"{i.Code} {i.Name}")).ToList();
        Officers = (await db.Officers.AsNoTracking().Where(o => o.Active).OrderBy(o => o.Code).ToListAsync(ct))
            .Select(o => (o.Id, $"{o.Code} {o.Name}")).ToList();
    }
}
