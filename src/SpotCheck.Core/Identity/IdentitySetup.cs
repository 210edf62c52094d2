using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Identity;

/// <summary>Identity rules shared by the web host and the command line, so both accept the same passwords.</summary>
public static class IdentitySetup
{
    public const int MaxFailedAccessAttempts = 5;
    public const int MinPasswordLength = 10;
    /// <summary>The web form's limit too; Identity's column would take 256.</summary>
    public const int MaxUserNameLength = 64;

    public static void Configure(IdentityOptions o)
    {
        o.Password.RequiredLength = MinPasswordLength;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    }

    /// <summary>UserManager and RoleManager with the zh-CN messages, without cookies (the host adds those).</summary>
    public static IdentityBuilder AddSpotCheckIdentityCore(this IServiceCollection services)
    {
        return services.AddIdentityCore<AppUser>(Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();
    }
}
