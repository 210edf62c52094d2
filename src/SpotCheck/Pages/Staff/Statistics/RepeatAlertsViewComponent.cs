using Microsoft.AspNetCore.Mvc;
using SpotCheck.Core.Plans;
using SpotCheck.Core.Statistics;

namespace SpotCheck.Pages.Staff.Statistics;

/// <summary>The repeat-check alerts about one enterprise, shown on its details page (each linking to its tasks).</summary>
public sealed class RepeatAlertsViewComponent(RepeatChecks.Handler alerts, IConfiguration config) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int enterpriseId)
    {
        var cap = config.GetValue("SpotCheck:YearlyCapPerEnterprise", PlanRules.DefaultYearlyCap);
        return View("~/Pages/Staff/Statistics/_EnterpriseAlerts.cshtml", await alerts.ForEnterpriseAsync(enterpriseId, cap, HttpContext.RequestAborted));
    }
}
