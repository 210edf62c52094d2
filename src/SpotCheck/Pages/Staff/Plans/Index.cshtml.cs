using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Plans;
using SpotCheck.Hosting.Security;

namespace SpotCheck.Pages.Staff.Plans;

public sealed class IndexModel(AppDbContext db, ListPlans.Handler list) : PageModel
{
    public IReadOnlyList<Plan> Plans { get; private set; } = [];
    public IReadOnlyDictionary<int, string> ItemNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>False for a subordinate department's plan seen by its superior: shown, not changed.</summary>
    public bool ActsFor(Plan p) => db.Scope.ActsForAny(p.DepartmentCodeList);

    [HandlerPolicy(Policies.Planners)]
    public async Task<IActionResult> OnPostPublishAsync(int id, [FromServices] PublishPlan.Handler publish, CancellationToken ct)
    {
        var result = await publish.HandleAsync(id, User.Identity!.Name!, ct);
        if (result.IsSuccess) return this.RedirectOrHx("/Staff/Plans");
        Error = result.Error!.Message;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Plans = await list.HandleAsync(publicOnly: false, ct);
        ItemNames = await db.InspectionItems.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        DepartmentNames = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, StringComparer.Ordinal, ct);
    }

    public static string StateLabel(PlanState s) => s switch
    {
        PlanState.Draft => "草稿",
        PlanState.Published => "已发布",
        PlanState.Drawn => "已抽取",
        _ => "已关闭",
    };
}
