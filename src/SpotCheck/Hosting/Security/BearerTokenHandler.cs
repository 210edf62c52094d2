using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;

namespace SpotCheck.Hosting.Security;

/// <summary>Accepts <c>Authorization: Bearer sct_…</c> when the token's SHA-256 matches a live ApiToken.</summary>
sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    const int MaxTokenLength = 256;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadToken(Request, out var token)) return AuthenticateResult.NoResult();
        if (token.Length is 0 or > MaxTokenLength) return AuthenticateResult.Fail("malformed bearer token");
        var hash = ApiTokenSecret.Hash(token);
        var userId = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAtUtc == null)
            .Select(t => t.UserId)
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (userId is null) return AuthenticateResult.Fail("unknown or revoked bearer token");
        var user = await users.FindByIdAsync(userId);
        // Lockout guards the password sign-in only: anonymous wrong passwords must not cut off an integration's token.
        if (user is null) return AuthenticateResult.Fail("user unavailable");
        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = SchemeName;
        return ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, StatusCodes.Status403Forbidden);

    public static bool HasBearerHeader(HttpRequest request) => TryReadToken(request, out _);

    static bool TryReadToken(HttpRequest request, out string token)
    {
        string? header = request.Headers.Authorization;
        const string prefix = SchemeName + " ";
        if (header is null || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            token = "";
            return false;
        }
        token = header[prefix.Length..].Trim();
        return true;
    }
}
