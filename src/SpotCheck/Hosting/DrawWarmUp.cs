using SpotCheck.Core.Data;
using SpotCheck.Core.Draws;
using SpotCheck.Draw;

namespace SpotCheck.Hosting;

/// <summary>
/// Warms the draw engine (on a low-priority thread) and then a freeze's reads over the directory, once after start
/// (SpotCheck:DrawWarmUp, default on), so the first ceremony runs at the speed of the later ones. Stores nothing.
/// </summary>
sealed class DrawWarmUp(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<DrawWarmUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("SpotCheck:DrawWarmUp", true)) return;
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await OnOwnThread(() => EngineWarmUp.RunUntilSettled(EngineWarmUp.Budget, stoppingToken));
            await using var scope = scopes.CreateAsyncScope();
            await CeremonyWarmUp.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock, stoppingToken);
            log.LogDebug("Draw engine and freeze warmed up in {Seconds:F1} s", watch.Elapsed.TotalSeconds);
        }
        catch (Exception e)
        {
            if (!stoppingToken.IsCancellationRequested) log.LogWarning(e, "Draw warm-up failed; the first draw will run unwarmed");
        }
    }

    static Task OnOwnThread(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Priority = ThreadPriority.BelowNormal, Name = "draw warm-up" };
        thread.Start();
        return done.Task;
    }
}
