using Microsoft.Extensions.Time.Testing;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;

namespace SpotCheck.Tests.Clerk;

/// <summary>
/// The Admin's home page asks for next year's holiday calendar from October on (results approved in December have
/// deadlines in the new year), and not earlier in the year. The shipped calendar covers 2020–2026.
/// </summary>
public sealed class AdminHomeCalendarTests
{
    [SkippableTheory]
    [InlineData(2026, 11, 20, true)]
    [InlineData(2026, 6, 15, false)]
    public async Task Next_years_calendar_is_asked_for_in_the_last_quarter(int year, int month, int day, bool asked)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        await using var host = (await TestHost.StartAsync(DbProvider.Sqlite, clock: clock))!;

        var home = await (await host.SignedInClientAsync(Roles.Admin)).GetStringAsync("/Staff");

        Assert.Equal(asked, home.Contains("id=\"calendar-next\"", StringComparison.Ordinal));
        if (asked) Assert.Contains($"请提前导入 {year + 1}年节假日安排", home);
        var planner = await (await host.SignedInClientAsync(Roles.Planner)).GetStringAsync("/Staff");
        Assert.DoesNotContain("id=\"calendar-next\"", planner);
    }
}
