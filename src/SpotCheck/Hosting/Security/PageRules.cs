using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace SpotCheck.Hosting.Security;

/// <summary>
/// An explicit rule for every page folder and the pages stricter than their folder; handlers stricter than their page
/// carry <see cref="HandlerPolicyAttribute"/>. Anonymous: the portal and the login flow only. The fallback policy
/// (signed-in user) catches anything added without a rule, and the authorization matrix test fails for it.
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
        pages.AuthorizeFolder("/Staff/Draws", Policies.DrawReaders);
        pages.AuthorizeFolder("/Staff/Reviews", Policies.Reviewers);
        pages.AuthorizePage("/Staff/Publication/Index", Policies.Reviewers);
        // Published content only: Supervisors take the export as well as Reviewers.
        pages.AuthorizePage("/Staff/Publication/Export", Policies.ResultExporters);
        pages.AuthorizeFolder("/Staff/Import", Policies.Editors);
        pages.AuthorizeFolder("/Staff/Export", Policies.Editors);
        pages.AuthorizeFolder("/Staff/Statistics", Policies.Staff);
        pages.AuthorizePage("/Staff/Items/Edit", Policies.Editors);
        pages.AuthorizePage("/Staff/Enterprises/Edit", Policies.Editors);
        pages.AuthorizePage("/Staff/Officers/Edit", Policies.Editors);
        pages.AuthorizePage("/Staff/Plans/Edit", Policies.Planners);
        pages.AuthorizePage("/Staff/Tasks/Create", Policies.Planners);
        pages.AuthorizeFolder("/Audit", Policies.Auditors);
        pages.AuthorizeFolder("/Admin", Policies.Admin);
    }
}
