using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Items;
using SpotCheck.Core.Publication;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff;

/// <summary>工作台: each role's own work first (my tasks, my reviews, my ceremony steps, deadlines), then the directories.</summary>
public sealed class IndexModel(AppDbContext db, DeadlineBoard.Handler deadlines, TimeProvider clock, AuditLog audit,
    ListTasks.Handler tasks, ReviewQueue.Handler reviews, PublicTotals totals, Hosting.PublicGeneration generation) : PageModel
{
    /// <summary>A draw still in its ceremony (or drawn, not yet published), with what it needs next.</summary>
    public sealed record OpenDraw(string DrawId, string PlanName, string Status, CeremonyGuide.Step Next, bool MyTurn);

    /// <summary>For an Officer: their tasks, unfinished first.</summary>
    public TaskPage? MyTasks { get; private set; }
    /// <summary>For a Reviewer: records waiting for review.</summary>
    public int? AwaitingReview { get; private set; }
    /// <summary>For the two ceremony parties: draws that are not finished.</summary>
    public IReadOnlyList<OpenDraw>? OpenDraws { get; private set; }
    /// <summary>For Admins: calendar years that must be imported before some publication deadlines can be counted.</summary>
    public IReadOnlyList<int> MissingCalendarYears { get; private set; } = [];
    /// <summary>For Admins from October: next year's holidays are not imported yet (deadlines of December's results cross the new year).</summary>
    public int? NextCalendarYearMissing { get; private set; }
    /// <summary>For Planners: published plans with no draw yet.</summary>
    public IReadOnlyList<(int Id, string Name)>? PlansToDraw { get; private set; }
    public int PublishedItems { get; private set; }
    public int Enterprises { get; private set; }
    public int Officers { get; private set; }
    public int Departments { get; private set; }
    /// <summary>For a Reviewer: the publication clock of the work they can see.</summary>
    public DeadlineBoard.Board? Deadlines { get; private set; }
    public int AwaitingPublication { get; private set; }

    /// <summary>For Admins: the chain guard's refusal, shown as an alert until someone restores the log.</summary>
    public string? AuditAlert { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PublishedItems = await db.InspectionItems.CountAsync(i => i.Status == ItemStatus.Published, ct);
        // Counting a million-row directory on every visit to the home page is a scan: count once per state of the platform.
        Enterprises = await totals.GetAsync(await generation.CurrentAsync(HttpContext), "staff|enterprises",
            () => db.Enterprises.CountAsync(CancellationToken.None));
        Officers = await db.Officers.CountAsync(ct);
        Departments = await db.Departments.CountAsync(ct);
        var viewer = await TaskViewers.ForAsync(User, db, ct);
        if (await HttpContext.MayAsync(Policies.Reviewers))
        {
            Deadlines = await deadlines.HandleAsync(new DeadlineBoard.Filter(Ui.LocalToday(clock).Year), viewer, ct);
            AwaitingPublication = (await deadlines.AwaitingPublicationAsync(viewer, ct)).Count;
            AwaitingReview = (await reviews.HandleAsync(viewer, 1, ct)).Total;
        }
        if (await HttpContext.MayAsync(Policies.TeamMembers))
            MyTasks = await tasks.PageAsync(viewer, null, 1, 10, ct);
        if (await HttpContext.MayAsync(Policies.DrawParties)) OpenDraws = await OpenDrawsAsync(ct);
        if (await HttpContext.MayAsync(Policies.Planners))
            PlansToDraw = [.. (await db.Plans.AsNoTracking().Where(p => p.State == Core.Plans.PlanState.Published)
                .Where(p => !db.DrawSessions.Any(d => d.PlanId == p.Id && d.Status != DrawStatus.Voided))
                .OrderBy(p => p.EndDate).ThenBy(p => p.Id).Take(20).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name))];
        if (await HttpContext.MayAsync(Policies.Admin))
        {
            AuditAlert = (await audit.EnsureChainIntactAsync(ct)).Error?.Message;
            MissingCalendarYears = await db.InspectionRecords.AsNoTracking().Where(r => r.DeadlineYearMissing != null)
                .Select(r => r.DeadlineYearMissing!.Value).Distinct().OrderBy(y => y).ToListAsync(ct);
            var today = Ui.LocalToday(clock);
            if (today.Month >= 10 && !MissingCalendarYears.Contains(today.Year + 1)
                && !await db.CalendarYears.AnyAsync(c => c.Year == today.Year + 1, ct))
                NextCalendarYearMissing = today.Year + 1;
        }
    }

    async Task<IReadOnlyList<OpenDraw>> OpenDrawsAsync(CancellationToken ct)
    {
        var party = await HttpContext.MayAsync(Policies.Planners) ? DrawSession.Organizer : DrawSession.Supervisor;
        var draws = await db.DrawSessions.AsNoTracking().IgnoreAutoIncludes()
            .Where(d => d.Status != DrawStatus.Voided && (d.PublishedAtUtc == null))
            .OrderBy(d => d.Id).Take(20).ToListAsync(ct);
        var planIds = draws.Select(d => d.PlanId).Distinct().ToList();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. draws.Select(d =>
        {
            var next = CeremonyGuide.Next(d);
            return new OpenDraw(d.DrawId, plans.GetValueOrDefault(d.PlanId, ""), CeremonyGuide.Badge(d), next, next.Who.Contains(party));
        })];
    }
}
