using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Common;
using SpotCheck.Core.Enterprises;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Enterprises;

public sealed class EditModel(GetEnterprise.Handler get, SaveEnterprise.Handler save) : PageModel
{
    [BindProperty] public SaveEnterprise.Command Input { get; set; } = new();

    public bool IsNew => Input.Id is null;
    /// <summary>After a stale save: each field someone else changed meanwhile, with both values.</summary>
    public IReadOnlyList<FieldConflict> Conflicts { get; private set; } = [];
    /// <summary>domain.md §5: only an Admin may keep a USCC whose check character fails, and only with a justification.</summary>
    public bool MayOverrideUscc { get; private set; }

    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        MayOverrideUscc = await HttpContext.MayAsync(Policies.Admin);
        await next();
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null) return Page();
        var found = await get.HandleAsync(id.Value, ct);
        if (!found.IsSuccess) return NotFound();
        var e = found.Value;
        Input = new SaveEnterprise.Command
        {
            Id = e.Id, Name = e.Name, Uscc = e.Uscc, RegionCode = e.RegionCode, Address = e.Address,
            Tags = string.Join(';', e.TagNames), RiskClass = e.RiskClass.ToString(), AbnormalList = e.AbnormalList,
            SeriousViolation = e.SeriousViolation, Status = EnterpriseLabels.Of(e.Status), ContactName = e.ContactName,
            ContactPhone = e.ContactPhone, LegalRepresentative = e.LegalRepresentative, LegacyRegistrationNo = e.LegacyRegistrationNo,
            ExpectedVersion = e.RowVersion,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Input.Id = id;
        if (!MayOverrideUscc) Input.UsccOverrideReason = null;
        if (ModelState.IsValid)
        {
            var result = await save.HandleAsync(Input, User.Identity!.Name!, ct);
            if (result.IsSuccess) return this.RedirectOrHx($"/Staff/Enterprises/Details/{result.Value}");
            ModelState.AddError(result.Error!, nameof(Input));
            if (result.Error.Conflicts.Count > 0 && id is int existing && await get.HandleAsync(existing, ct) is { IsSuccess: true } now)
            {
                // The person sees both values and saves again on purpose, this time over the current version.
                Conflicts = result.Error.Conflicts;
                Input.ExpectedVersion = now.Value.RowVersion;
                ModelState.Remove($"{nameof(Input)}.{nameof(Input.ExpectedVersion)}");
            }
            if (result.Error!.Code == "uscc.check" && MayOverrideUscc)
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.UsccOverrideReason)}", "如确认该代码无误（校验位异常的历史代码），请填写覆盖理由后再次保存");
        }
        return Request.IsHtmx() ? Partial("_EnterpriseForm", this) : Page();
    }
}
