using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;

namespace SpotCheck.Pages.Public.Draws;

/// <summary>抽取公告: draws after their 公示 (a draw before it does not exist for the public), newest first.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 20;

    public sealed record DrawRow(string DrawId, string PlanName, int PlanId, DrawStatus Status, int FrameCount, int SelectedCount, int TeamCount,
        int PlanVoided, DateTime PublishedAtUtc);

    public IReadOnlyList<DrawRow> Draws { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var published = db.DrawSessions.AsNoTracking().IgnoreAutoIncludes().Where(d => d.PublishedAtUtc != null);
        Total = await published.CountAsync(ct);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Draws = await published.OrderByDescending(d => d.PublishedAtUtc).ThenByDescending(d => d.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Plans, d => d.PlanId, p => p.Id, (d, p) => new DrawRow(d.DrawId, p.Name, p.Id, d.Status, d.FrameCount, d.SelectedCount, d.TeamCount,
                // draw-spec §6.6: the plan's voided draws are published beside its draws.
                db.DrawSessions.Count(v => v.PlanId == p.Id && v.Status == DrawStatus.Voided), d.PublishedAtUtc!.Value))
            .ToListAsync(ct);
    }
}
