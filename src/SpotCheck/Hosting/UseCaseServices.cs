using SpotCheck.Core.Data;
using SpotCheck.Core.Transfer;

namespace SpotCheck.Hosting;

public static class UseCaseServices
{
    /// <summary>
    /// Every Core use-case handler (the nested <c>Handler</c> classes of style.md's vertical slices) as a scoped
    /// service, so new slices need no registration line here.
    /// </summary>
    public static IServiceCollection AddSpotCheckUseCases(this IServiceCollection services)
    {
        var handlers = typeof(AppDbContext).Assembly.GetTypes()
            .Where(t => t is { Name: "Handler", IsNested: true, IsClass: true, IsAbstract: false, IsNestedPublic: true, IsGenericType: false });
        foreach (var handler in handlers) services.AddScoped(handler);
        services.AddScoped<TransferLists>();
        services.AddScoped<Pages.Staff.Statistics.StatisticsPage>();
        return services;
    }
}
