namespace SpotCheck.Core.Demo;

/// <summary>
/// The business clock of the demo history: each step of the previous year happens at a chosen instant, so plan
/// year, asOf, inspection and conclusion dates fall in that year. Only the handlers get it; the audit log keeps the
/// real clock, so the chain stays in the order the entries were written.
/// </summary>
sealed class DemoClock : TimeProvider
{
    static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    DateTimeOffset _now;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Sets the clock to the Asia/Shanghai wall time <paramref name="day"/> <paramref name="hour"/>:<paramref name="minute"/>.</summary>
    public DemoClock At(DateOnly day, int hour, int minute = 0)
    {
        _now = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), Shanghai).ToUniversalTime();
        return this;
    }
}
