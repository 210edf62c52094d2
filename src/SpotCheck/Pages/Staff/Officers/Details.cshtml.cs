using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Officers;
using SpotCheck.Hosting.Security;
using SpotCheck.Core.Scopes;

namespace SpotCheck.Pages.Staff.Officers;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public sealed record ConflictRow(int Id, ConflictKind Kind, string? Note, DateTime DeclaredAtUtc, int EnterpriseId, string EnterpriseName, string Uscc,
        DateTime? WithdrawnAtUtc, string? WithdrawnBy, string? WithdrawnReason);

    public sealed class NewConflict
    {
        [Required(ErrorMessage = "请输入检查对象的统一社会信用代码")]
        [Display(Name = "统一社会信用代码")]
        public string Uscc { get; set; } = "";

        public ConflictKind Kind { get; set; } = ConflictKind.Relative;

        [StringLength(500, ErrorMessage = "说明最多 500 个字符")]
        public string? Note { get; set; }
    }

    public Officer Officer { get; private set; } = null!;
    public IReadOnlyList<ConflictRow> Conflicts { get; private set; } = [];
    [BindProperty] public NewConflict Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [HandlerPolicy(Policies.Editors)]
    public async Task<IActionResult> OnPostConflictAsync(int id, [FromServices] DeclareConflict.Handler declare, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var uscc = Input.Uscc.Trim().ToUpperInvariant();
            var enterpriseId = await db.Enterprises.Where(e => e.Uscc == uscc).Select(e => (int?)e.Id).SingleOrDefaultAsync(ct);
            if (enterpriseId is null) ModelState.AddModelError("Input.Uscc", "名录库中没有该统一社会信用代码的检查对象");
            else
            {
                var result = await declare.HandleAsync(new DeclareConflict.Command(id, enterpriseId.Value, Input.Kind, Input.Note), User.Identity!.Name!, ct);
                if (result.IsSuccess) return RedirectToPage(new { id });
                ModelState.AddError(result.Error!, nameof(Input));
            }
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    [HandlerPolicy(Policies.Editors)]
    public async Task<IActionResult> OnPostWithdrawConflictAsync(int id, int conflictId, string? reason, [FromServices] WithdrawConflict.Handler withdraw, CancellationToken ct)
    {
        var result = await withdraw.HandleAsync(id, conflictId, reason ?? "", User.Identity!.Name!, ct);
        if (result.IsSuccess) return RedirectToPage(new { id });
        if (result.Error!.Kind == ErrorKind.NotFound) return NotFound();
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.AddModelError("", result.Error.Message);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var officer = await db.Officers.InScope(db.Scope).AsNoTracking().Include(o => o.Department).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (officer is null) return false;
        Officer = officer;
        Conflicts = await db.OfficerConflicts.AsNoTracking().Where(c => c.OfficerId == id)
            .Join(db.Enterprises, c => c.EnterpriseId, e => e.Id, (c, e) => new ConflictRow(c.Id, c.Kind, c.Note, c.DeclaredAtUtc, e.Id, e.Name, e.Uscc,
                c.WithdrawnAtUtc, c.WithdrawnBy, c.WithdrawnReason))
            .ToListAsync(ct);
        Conflicts = [.. Conflicts.OrderBy(c => c.WithdrawnAtUtc is null ? 0 : 1).ThenBy(c => c.DeclaredAtUtc).ThenBy(c => c.Id)];
        return true;
    }
}
