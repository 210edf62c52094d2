using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Plans;

namespace SpotCheck.Pages.Public.Draws;

/// <summary>
/// One published draw as the public checks it: the frozen inputs (inputsHash, as-of day, frame size), both commitments,
/// the declared and entered public randomness, the revealed secrets and the seed, and the selection by rank with names
/// and strata. Only after its 公示 (检查前不告知).
/// </summary>
public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public const int PageSize = 100;

    public sealed record Selected(int Rank, string Stratum, string Uscc, string Name, bool IsSupplement);

    [BindProperty(SupportsGet = true)] public string DrawId { get; set; } = "";

    public DrawSession Draw { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public int PlanVoided { get; private set; }
    public IReadOnlyList<Selected> Selection { get; private set; } = [];
    public IReadOnlyDictionary<string, string> SubstitutionLabels { get; private set; } = new Dictionary<string, string>();
    public int PageNumber { get; private set; }
    public int SelectionCount { get; private set; }
    public int PageCount => Math.Max(1, (SelectionCount + PageSize - 1) / PageSize);

    public string RecordUrl => $"/api/v1/public/draws/{Uri.EscapeDataString(DrawId)}/record";
    public string VerifyUrl => $"/public/draws/{Uri.EscapeDataString(DrawId)}/verify";

    public async Task<IActionResult> OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var draw = await db.DrawSessions.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(d => d.DrawId == DrawId && d.PublishedAtUtc != null, ct);
        if (draw is null) return NotFound();
        Draw = draw;
        Plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == draw.PlanId, ct);
        PlanVoided = await db.DrawSessions.CountAsync(d => d.PlanId == draw.PlanId && d.Status == DrawStatus.Voided, ct);
        SubstitutionLabels = DrawSubstitutions.Labels(await db.AuditEntries.AsNoTracking()
            .Where(e => e.DrawId == DrawId && e.Type == DrawSubstitutions.AuditType).ToListAsync(ct));
        var selections = db.DrawSelections.AsNoTracking().Where(s => s.DrawId == DrawId);
        SelectionCount = await selections.CountAsync(ct);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Selection = await selections.OrderBy(s => s.Rank).ThenBy(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Enterprises, s => s.EnterpriseId, e => e.Id, (s, e) => new Selected(s.Rank, s.Stratum, s.Uscc, e.Name, s.IsSupplement))
            .ToListAsync(ct);
        return Page();
    }
}
