using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Items;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff;

public sealed class IndexModel(AppDbContext db, AuditLog audit, IAuthorizationService authorization) : PageModel
{
    public int PublishedItems { get; private set; }
    public int Enterprises { get; private set; }
    public int Officers { get; private set; }
    public int Departments { get; private set; }

    /// <summary>For Admins: the chain guard's refusal, shown as an alert until someone restores the log.</summary>
    public string? AuditAlert { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PublishedItems = await db.InspectionItems.CountAsync(i => i.Status == ItemStatus.Published, ct);
        Enterprises = await db.Enterprises.CountAsync(ct);
        Officers = await db.Officers.CountAsync(ct);
        Departments = await db.Departments.CountAsync(ct);
        if ((await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded)
            AuditAlert = (await audit.EnsureChainIntactAsync(ct)).Error?.Message;
    }
}
