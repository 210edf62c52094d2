using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;

namespace SpotCheck.Hosting;

/// <summary>
/// Runs before the server accepts requests: schema and audit chain, the five roles, demo data on request,
/// and the first-run hint when nobody can log in yet.
/// </summary>
sealed class StartupTasks(IServiceProvider services, HostSettings settings, IConfiguration configuration, ILogger<StartupTasks> log) : IHostedService
{
    public const string Actor = "system";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        log.LogInformation("Opening database {Provider} in {DataDir}", settings.Storage.IsPostgres ? "PostgreSQL" : "SQLite",
            settings.Storage.DataDir);
        await DatabaseSetup.InitializeAsync(db, ct, settings.MigrateAtStart, sp.GetRequiredService<TimeProvider>());
        await RoleSeed.EnsureRolesAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<RoleManager<IdentityRole>>(), sp.GetRequiredService<AuditLog>(), Actor, ct);
        if (settings.Demo) await DemoSeed.RunAsync(sp, settings.Storage, log, ct);
        if (!await db.Users.AnyAsync(ct))
            foreach (var line in FirstRunHint.Lines(settings, configuration[WebHostDefaults.ServerUrlsKey], Environment.CurrentDirectory, AppContext.BaseDirectory))
                log.LogWarning("{Hint}", line);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
