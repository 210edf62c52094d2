using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Officers;
using SpotCheck.Core.Scopes;

namespace SpotCheck.Pages.Staff.Officers;

public sealed class EditModel(AppDbContext db, SaveOfficer.Handler save) : PageModel
{
    [BindProperty] public SaveOfficer.Command Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Departments { get; private set; } = [];
    public bool IsNew => Input.Id is null;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            var o = await db.Officers.InScope(db.Scope).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (o is null) return NotFound();
            Input = new SaveOfficer.Command
            {
                Id = o.Id, Code = o.Code, Name = o.Name, DepartmentId = o.DepartmentId, CertificateNo = o.CertificateNo,
                CertificateValidTo = o.CertificateValidTo, Specialties = o.Specialties, Active = o.Active, WorkloadCap = o.WorkloadCap,
                ExpectedVersion = o.RowVersion,
            };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Input.Id = id;
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(Input, User.Identity!.Name!, ct);
            if (result.IsSuccess) return this.RedirectOrHx($"/Staff/Officers/Details/{result.Value}");
            ModelState.AddError(result.Error!, nameof(Input));
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    async Task LoadChoicesAsync(CancellationToken ct) =>
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString())).ToListAsync(ct);
}
