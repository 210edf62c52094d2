using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Items;
using SpotCheck.Core.Publication;
using SpotCheck.Hosting.Security;
using SpotCheck.Pages.Staff.Tasks;

namespace SpotCheck.Pages.Staff;

public sealed class IndexModel(AppDbContext db, DeadlineBoard.Handler deadlines, TimeProvider clock, AuditLog audit) : PageModel
{
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
        Enterprises = await db.Enterprises.CountAsync(ct);
        Officers = await db.Officers.CountAsync(ct);
        Departments = await db.Departments.CountAsync(ct);
        if (await HttpContext.MayAsync(Policies.Reviewers))
        {
            var viewer = await TaskViewers.ForAsync(User, db, ct);
            Deadlines = await deadlines.HandleAsync(new DeadlineBoard.Filter(Ui.LocalToday(clock).Year), viewer, ct);
            AwaitingPublication = (await deadlines.AwaitingPublicationAsync(viewer, ct)).Count;
        }
        if (await HttpContext.MayAsync(Policies.Admin))
            AuditAlert = (await audit.EnsureChainIntactAsync(ct)).Error?.Message;
    }
}
