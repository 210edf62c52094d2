using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Plans;

namespace SpotCheck.Core.Demo;

/// <summary>
/// Plans and draws a demo plan through the real handlers, resuming from whatever step an interrupted start reached:
/// every handler call is one transaction, and each step looks at the stored state before it acts.
/// </summary>
static class DemoCeremony
{
    /// <summary>The plan named <paramref name="cmd"/>.Name for its year, created and published if missing.</summary>
    public static async Task<(Plan Plan, int Steps)> PublishedPlanAsync(AppDbContext db, AuditLog audit, DemoClock clock,
        SavePlan.Command cmd, DateOnly publishedOn, CancellationToken ct)
    {
        var steps = 0;
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Year == cmd.Year && p.Name == cmd.Name, ct);
        if (plan is null)
        {
            var id = Must(await new SavePlan.Handler(db, audit, clock.At(publishedOn, 9)).HandleAsync(cmd, DemoValues.Organizer, ct));
            plan = await db.Plans.SingleAsync(p => p.Id == id, ct);
            steps++;
        }
        if (plan.State == PlanState.Draft)
        {
            Must(await new PublishPlan.Handler(db, audit, clock.At(publishedOn, 10)).HandleAsync(plan.Id, DemoValues.Organizer, ct));
            steps++;
        }
        return (plan, steps);
    }

    /// <summary>Freeze → commitments → randomness typed twice → reveals → run → 公示, on <paramref name="day"/> from 09:00.</summary>
    public static async Task<(DrawSession Draw, int Steps)> DrawAsync(AppDbContext db, AuditLog audit, DemoClock clock, Plan plan,
        DateOnly day, CancellationToken ct)
    {
        var steps = 0;
        var draw = await db.DrawSessions.Where(d => d.PlanId == plan.Id && d.SupplementOf == null && d.Status != DrawStatus.Voided)
            .OrderBy(d => d.Id).FirstOrDefaultAsync(ct);
        if (draw is null)
        {
            var cmd = new FreezeDraw.Command { PlanId = plan.Id, RandomnessSource = DemoValues.RandomnessSource };
            var drawId = Must(await new FreezeDraw.Handler(db, audit, clock.At(day, 9)).HandleAsync(cmd, DemoValues.Organizer, ct));
            draw = await db.DrawSessions.SingleAsync(d => d.DrawId == drawId, ct);
            steps++;
        }
        var id = draw.DrawId;
        var minute = 5;
        foreach (var party in DrawSession.Parties)
        {
            minute++;
            if (draw.Status != DrawStatus.Frozen || draw.CommitmentOf(party) is not null) continue;
            Must(await new CommitDraw.Handler(db, audit, clock.At(day, 9, minute))
                .HandleAsync(id, party, DemoValues.Secret(id, party), DemoValues.ActorOf(party), ct));
            steps++;
        }
        if (draw.Status == DrawStatus.Committed)
        {
            var enter = new EnterPublicRandomness.Handler(db, audit, clock.At(day, 9, 15));
            if (draw.PendingRandomness is null)
            {
                Must(await enter.HandleAsync(id, DemoValues.Dice(id), DemoValues.Organizer, ct));
                steps++;
            }
            clock.At(day, 9, 16);
            Must(await enter.HandleAsync(id, DemoValues.Dice(id), DemoValues.Supervisor, ct));
            steps++;
        }
        foreach (var party in DrawSession.Parties)
        {
            if (draw.Status != DrawStatus.RandomnessEntered || draw.SecretOf(party) is not null) continue;
            Must(await new RevealSecret.Handler(db, audit, clock.At(day, 9, 20)).HandleAsync(id, party, DemoValues.Secret(id, party), DemoValues.ActorOf(party), ct));
            steps++;
        }
        if (draw.Status == DrawStatus.Revealed)
        {
            Must(await new RunDraw.Handler(db, audit, clock.At(day, 9, 30)).HandleAsync(id, DemoValues.Organizer, ct));
            steps++;
        }
        if (draw.Status is DrawStatus.Drawn or DrawStatus.Partial && draw.PublishedAtUtc is null)
        {
            Must(await new PublishDraw.Handler(db, audit, clock.At(day, 10)).HandleAsync(id, DemoValues.Organizer, ct));
            steps++;
        }
        return (draw, steps);
    }

    /// <summary>A refused step of the demo script is a bug in the script, not something a user can fix.</summary>
    public static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"demo data: {result.Error!.Code} {result.Error.Message}");

    public static void Must(Result result)
    {
        if (!result.IsSuccess) throw new InvalidOperationException($"demo data: {result.Error!.Code} {result.Error.Message}");
    }
}
