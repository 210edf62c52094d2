using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Publication;

namespace SpotCheck.Pages;

/// <summary>The portal's home: search by name or USCC, the figures, the latest 抽查结果公告 and the tabs.</summary>
public sealed class IndexModel(PortalFacts.Handler facts, PublicBatches.Handler batches) : PageModel
{
    public PortalFacts.Facts Facts { get; private set; } = null!;
    public IReadOnlyList<PublicationBatch> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Facts = await facts.HandleAsync(ct);
        Latest = (await batches.ListAsync(1, 5, ct)).Items;
    }
}
