using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace SpotCheck.Hosting.Security;

/// <summary>
/// An explicit rule for every page folder. Anonymous: the portal and the login flow only; the fallback policy
/// (signed-in user) catches anything added without a rule, and HostTests check no page is left to it.
/// </summary>
public static class PageRules
{
    public static void AddSpotCheckPageRules(this PageConventionCollection pages)
    {
        pages.AllowAnonymousToPage("/Index");
        pages.AllowAnonymousToPage("/Error");
        pages.AllowAnonymousToFolder("/Public");
        pages.AllowAnonymousToPage("/Account/Login");
        pages.AllowAnonymousToPage("/Account/AccessDenied");
        pages.AuthorizePage("/Account/Logout", Policies.Staff);
        pages.AuthorizeFolder("/Staff", Policies.Staff);
        pages.AuthorizeFolder("/Audit", Policies.Auditors);
        pages.AuthorizeFolder("/Admin", Policies.Admin);
    }
}
