using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Credit;
using SpotCheck.Core.Enterprises;

namespace SpotCheck.Pages.Staff.Enterprises;

public sealed class DetailsModel(GetEnterprise.Handler get, ListCreditRecords.Handler credits) : PageModel
{
    public Enterprise Enterprise { get; private set; } = null!;
    public IReadOnlyList<ListCreditRecords.Row> Credits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        if (!result.IsSuccess) return NotFound();
        Enterprise = result.Value;
        Credits = await credits.HandleAsync(id, ct);
        return Page();
    }
}
