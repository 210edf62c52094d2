using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Publication;

namespace SpotCheck.Pages.Public.Audit;

/// <summary>审计链头: the chain's current head, the head each 抽查结果公告 carries, and how anyone checks them.</summary>
public sealed class IndexModel(AppDbContext db, PublicBatches.Handler batches) : PageModel
{
    public const int PageSize = 50;

    public AuditHead Head { get; private set; } = AuditHead.Empty;
    public IReadOnlyList<PublicationBatch> Batches { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Head = await new AuditReader(db).HeadAsync(ct);
        PageNumber = Math.Max(page ?? 1, 1);
        (Total, Batches) = await batches.ListAsync(PageNumber, PageSize, ct);
    }
}
