using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Plans;

namespace SpotCheck.Core.Draws;

/// <summary>
/// A freeze's reads and computations, once, over the whole directory for a made-up plan over every class, storing
/// nothing: the first real freeze after a start then finds its queries compiled and its code optimised (over a million
/// enterprises a process's first freeze took 2.4–2.9 s, its second 1.5 s). Reads only; the session it builds is
/// tracked and forgotten, never saved.
/// </summary>
public static class CeremonyWarmUp
{
    const string DrawId = "WARM-UP";

    public static async Task RunAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var asOf = DrawClock.Today(now);
        // Every department: their officers' latest teams are read and written as a real freeze does.
        var departments = await db.Departments.AsNoTracking().Select(d => d.Code).ToListAsync(ct);
        var plan = Plan.CreateDraft(new PlanData(asOf.Year, null, DrawId, [], departments, [], null, [EnterpriseStatus.Active],
            Enum.GetValues<RiskClass>().ToDictionary(r => r, _ => 1L), FlagPolicy.Weighted, 1, 1, 0, 365, Math.Max(2, departments.Count), asOf),
            now.UtcDateTime);
        var inputs = await FrameBuilder.ForPlanAsync(db, plan, DrawId, asOf, PlanRules.DefaultYearlyCap, ct);
        db.DrawSessions.Add(DrawSession.Freeze(DrawId, 0, null, asOf, inputs, "dice", DrawId, now.UtcDateTime));
        db.ChangeTracker.Clear();
    }
}
