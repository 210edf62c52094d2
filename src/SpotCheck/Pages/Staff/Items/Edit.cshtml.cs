using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;

namespace SpotCheck.Pages.Staff.Items;

public sealed class EditModel(AppDbContext db, SaveItem.Handler handler, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")] public string? ExistingCode { get; set; }
    [BindProperty] public SaveItem.Command Input { get; set; } = new();
    [BindProperty] public List<string> MethodCodes { get; set; } = [];

    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];
    public bool IsNew => string.IsNullOrEmpty(ExistingCode);
    public ItemStatus? LatestStatus { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsNew)
        {
            var latest = await db.InspectionItems.AsNoTracking().Where(i => i.Code == ExistingCode)
                .OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);
            if (latest is null) return NotFound();
            LatestStatus = latest.Status;
            Input = new SaveItem.Command
            {
                Code = latest.Code, Name = latest.Name, EnforcementBody = latest.EnforcementBody, LegalBasis = latest.LegalBasis,
                DepartmentId = latest.DepartmentId, TargetType = ItemCodes.Code(latest.TargetType), Content = latest.Content,
                Methods = latest.Methods, Category = ItemCodes.Code(latest.Category), RatioFrequencyNote = latest.RatioFrequencyNote,
                EffectiveFrom = latest.Status == ItemStatus.Draft ? latest.EffectiveFrom : Today().AddDays(1),
                BasedOnId = latest.Id, ExpectedVersion = latest.RowVersion,
            };
            MethodCodes = [.. latest.MethodList];
        }
        else Input.EffectiveFrom = Today();
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!IsNew) Input.Code = ExistingCode!;
        Input.Methods = string.Join(';', MethodCodes);
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(Input, User.Identity!.Name!, ct);
            if (result.IsSuccess) return this.RedirectOrHx($"/Staff/Items/Details?code={Uri.EscapeDataString(Input.Code.Trim())}");
            ModelState.AddError(result.Error!, nameof(Input));
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    DateOnly Today() => Ui.LocalToday(clock);

    async Task LoadChoicesAsync(CancellationToken ct) =>
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString())).ToListAsync(ct);
}
