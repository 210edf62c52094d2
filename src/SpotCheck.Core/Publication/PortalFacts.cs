using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Items;
using SpotCheck.Core.Plans;

namespace SpotCheck.Core.Publication;

/// <summary>The portal's figures (home page, filters): computed once per state of the platform (<see cref="PublicTotals"/>).</summary>
public static class PortalFacts
{
    public sealed record Facts(int Results, int Enterprises, int Batches, int Draws, int Items, int Plans, IReadOnlyList<int> Years);

    public sealed class Handler(AppDbContext db, PublicTotals? totals = null)
    {
        public async Task<Facts> HandleAsync(CancellationToken ct = default) => totals is null
            ? await ComputeAsync(ct)
            : await totals.GetAsync(await PublicTotals.GenerationAsync(db, ct), "facts", () => ComputeAsync(CancellationToken.None));

        async Task<Facts> ComputeAsync(CancellationToken ct)
        {
            var current = PublicResults.Current(db);
            return new Facts(
                await current.CountAsync(ct),
                await current.Select(r => r.Uscc).Distinct().CountAsync(ct),
                await db.PublicationBatches.CountAsync(ct),
                await db.DrawSessions.IgnoreAutoIncludes().CountAsync(d => d.PublishedAtUtc != null, ct),
                await db.InspectionItems.CountAsync(i => i.Status == ItemStatus.Published, ct),
                await db.Plans.CountAsync(p => p.State != PlanState.Draft, ct),
                await db.PublishedResults.Select(r => r.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct));
        }
    }
}
