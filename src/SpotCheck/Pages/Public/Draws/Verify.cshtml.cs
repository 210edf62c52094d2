using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Pages.Public.Draws;

/// <summary>
/// "Verify this draw" (issue 10): a server-rendered shell whose scripts (wwwroot/js/verify) recompute the published
/// record, or a record file the visitor picks, in the visitor's browser. Only a published draw has a page (检查前不告知).
/// </summary>
public sealed class VerifyModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string DrawId { get; set; } = "";

    public string PlanName { get; private set; } = "";
    public DateTime PublishedAtUtc { get; private set; }

    public string RecordUrl => $"/api/v1/public/draws/{Uri.EscapeDataString(DrawId)}/record";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var draw = await db.DrawSessions.AsNoTracking().IgnoreAutoIncludes()
            .Where(d => d.DrawId == DrawId && d.PublishedAtUtc != null)
            .Join(db.Plans, d => d.PlanId, p => p.Id, (d, p) => new { p.Name, d.PublishedAtUtc })
            .SingleOrDefaultAsync(ct);
        if (draw is null) return NotFound();
        (PlanName, PublishedAtUtc) = (draw.Name, draw.PublishedAtUtc!.Value);
        return Page();
    }
}
