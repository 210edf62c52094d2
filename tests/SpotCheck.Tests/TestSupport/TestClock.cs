using Microsoft.Extensions.Time.Testing;

namespace SpotCheck.Tests.TestSupport;

/// <summary>A clock for hosts whose tests build dates from "today": mid-June in Beijing, inside the shipped calendar years.</summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Every reading advances 1 ms, so timestamps stay distinct and ordered as with a real clock.</summary>
    public static FakeTimeProvider Create() => new(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
}
