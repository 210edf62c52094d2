using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Plans;

namespace SpotCheck.Pages.Public.Plans;

/// <summary>抽查计划公告: published plans (never drafts) with items, departments, ratios, their published draws and void count.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 20;

    public sealed record PlanRow(Plan Plan, string Items, string Departments, int Voided, IReadOnlyList<string> Draws);

    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var published = db.Plans.AsNoTracking().Where(p => p.State != PlanState.Draft);
        Total = await published.CountAsync(ct);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        var plans = await published.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        var draws = await db.DrawSessions.AsNoTracking().IgnoreAutoIncludes().Where(d => ids.Contains(d.PlanId))
            .Select(d => new { d.PlanId, d.DrawId, d.Status, d.PublishedAtUtc }).ToListAsync(ct);
        var itemNames = await db.InspectionItems.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, StringComparer.Ordinal, ct);
        Plans = [.. plans.Select(p => new PlanRow(p,
            string.Join("、", p.ItemIdList.Select(i => itemNames.GetValueOrDefault(i, "")).Where(n => n.Length > 0)),
            string.Join("、", p.DepartmentCodeList.Select(c => departments.GetValueOrDefault(c, c))),
            // draw-spec §6.6: the number of voided draws is published with the plan.
            draws.Count(d => d.PlanId == p.Id && d.Status == DrawStatus.Voided),
            [.. draws.Where(d => d.PlanId == p.Id && d.PublishedAtUtc != null).OrderBy(d => d.PublishedAtUtc).Select(d => d.DrawId)]))];
    }
}
