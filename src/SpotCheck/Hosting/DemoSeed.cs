using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Demo;

namespace SpotCheck.Hosting;

static class DemoSeed
{
    /// <summary>Directories, the completed previous year and the open current-year plan; nothing when all are there.</summary>
    public static async Task RunAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        var added = await DemoData.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<AuditLog>(),
            services.GetRequiredService<TimeProvider>(), ct);
        log.LogInformation("Demo data (西平县): {Added} records and workflow steps added", added);
    }
}
