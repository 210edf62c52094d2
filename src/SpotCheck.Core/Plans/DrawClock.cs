namespace SpotCheck.Core.Plans;

/// <summary>Calendar days of the ceremony are those of Asia/Shanghai (UTC+8, no daylight saving).</summary>
public static class DrawClock
{
    static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static DateOnly Today(DateTimeOffset utcNow) => DateOnly.FromDateTime(utcNow.ToOffset(Shanghai).DateTime);
}
