using SpotCheck.Draw;

namespace SpotCheck.Hosting;

/// <summary>
/// Warms the draw engine once after start (SpotCheck:DrawWarmUp, default on) on a low-priority thread, so the first
/// ceremony runs at the speed of the later ones.
/// </summary>
sealed class DrawWarmUp(IConfiguration config, ILogger<DrawWarmUp> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("SpotCheck:DrawWarmUp", true)) return Task.CompletedTask;
        var done = new TaskCompletionSource();
        var thread = new Thread(() =>
        {
            try
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                EngineWarmUp.Run(ct: stoppingToken);
                log.LogDebug("Draw engine warmed up in {Seconds:F1} s", watch.Elapsed.TotalSeconds);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Draw engine warm-up failed; the first draw will run unwarmed");
            }
            done.SetResult();
        }) { IsBackground = true, Priority = ThreadPriority.BelowNormal, Name = "draw warm-up" };
        thread.Start();
        return done.Task;
    }
}
