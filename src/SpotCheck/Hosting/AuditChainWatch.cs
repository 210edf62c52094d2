using SpotCheck.Core.Audit;

namespace SpotCheck.Hosting;

/// <summary>
/// Verifies the audit chain since the last checkpoint every SpotCheck:AuditCheckMinutes (default 5) while the server
/// runs, so an edit made between ceremony steps is found (and logged as critical) without waiting for the next step;
/// each pass that verifies moves the checkpoint forward.
/// </summary>
sealed class AuditChainWatch(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<AuditChainWatch> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("SpotCheck:AuditCheckMinutes", 5)));
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (stoppingToken.IsCancellationRequested) return;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditLog>().EnsureChainIntactAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Periodic audit chain check could not run");
            }
        }
    }
}
