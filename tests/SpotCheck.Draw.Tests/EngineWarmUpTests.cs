namespace SpotCheck.Draw.Tests;

public sealed class EngineWarmUpTests
{
    [Fact]
    public void Warm_up_runs_the_selection_and_assignment_over_its_made_up_inputs()
    {
        var exception = Xunit.Record.Exception(() => EngineWarmUp.Run(rounds: 2));
        Assert.Null(exception);
    }

    [Fact]
    public void Warm_up_stops_when_the_host_stops()
    {
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        EngineWarmUp.Run(rounds: 1_000, stopped.Token); // about half a minute if it ignored the token
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Settling_stops_when_the_host_stops_and_within_its_budget()
    {
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        EngineWarmUp.RunUntilSettled(TimeSpan.FromMinutes(10), stopped.Token);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));

        watch.Restart();
        EngineWarmUp.RunUntilSettled(TimeSpan.Zero);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5)); // a spent budget runs no round
    }
}
