using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace SpotCheck.Hosting.Security;

public static class SecurityServices
{
    public const string AuthCookieName = "spotcheck.auth";

    /// <summary>Picks the bearer handler when the request carries a bearer token, else the Identity cookie.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static IServiceCollection AddSpotCheckSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultAuthenticateScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
                o.DefaultForbidScheme = CookieOrBearer;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignOutScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                BearerTokenHandler.HasBearerHeader(ctx.Request) ? BearerTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = AuthCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiPaths.IsApi(ctx.Request.Path)
                ? ProblemWriter.WriteAsync(ctx.HttpContext, StatusCodes.Status401Unauthorized)
                : Redirect(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => ApiPaths.IsApi(ctx.Request.Path)
                ? ProblemWriter.WriteAsync(ctx.HttpContext, StatusCodes.Status403Forbidden)
                : Redirect(ctx);
        });
        services.AddAuthorization(Policies.Add);
        return services;
    }

    static Task Redirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
