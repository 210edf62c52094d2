namespace SpotCheck.Core.Tasks;

/// <summary>Calendar days are China time (UTC+8, no daylight saving).</summary>
public static class ShanghaiDay
{
    public static DateOnly Of(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(8));
}
