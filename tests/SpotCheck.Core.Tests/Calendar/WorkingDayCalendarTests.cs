using SpotCheck.Core.Calendar;

namespace SpotCheck.Core.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    static readonly WorkingDayCalendar Shipped = WorkingDayCalendar.ShippedOnly();

    static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-02-13", 1, "2026-02-14")] // make-up Saturday
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-18", 20, "2026-10-22")]
    [InlineData("2020-01-23", 1, "2020-02-03")] // extended 2020 Spring Festival
    [InlineData("2026-03-07", 1, "2026-03-09")] // start on a weekend: counting starts after it
    [InlineData("2026-03-09", 1, "2026-03-10")] // a working start day is not counted either
    public void Add_workdays_matches_domain_examples(string start, int n, string expected) =>
        Assert.Equal(D(expected), Shipped.AddWorkdays(D(start), n).Value);

    [Fact]
    public void Running_into_an_unloaded_year_is_refused_naming_the_year()
    {
        var result = Shipped.AddWorkdays(D("2026-12-04"), 20);
        Assert.Equal("calendar.year_not_loaded", result.Error!.Code);
        Assert.Contains("2027", result.Error.Message);
    }

    [Theory]
    [InlineData("2026-02-14", true)]  // make-up Saturday
    [InlineData("2026-02-16", false)] // Spring Festival
    [InlineData("2026-03-07", false)] // ordinary Saturday
    [InlineData("2026-03-09", true)]
    [InlineData("2022-12-31", false)]
    [InlineData("2020-02-01", false)] // cancelled make-up day (2020 amendment)
    public void Is_workday_uses_all_loaded_notices(string day, bool expected) =>
        Assert.Equal(expected, Shipped.IsWorkday(D(day)).Value);

    [Fact]
    public void Is_workday_refuses_an_unloaded_year() =>
        Assert.Contains("2027", Shipped.IsWorkday(D("2027-01-04")).Error!.Message);

    [Fact]
    public void A_notice_year_only_counts_as_loaded_for_its_own_calendar_year()
    {
        var only2023 = new WorkingDayCalendar(WorkingDayCalendar.ShippedYears().Where(y => y.Year == 2023));
        Assert.Contains("2022", only2023.IsWorkday(D("2022-12-30")).Error!.Message);
        Assert.Equal(D("2023-01-03"), only2023.AddWorkdays(D("2022-12-31"), 1).Value);
    }

    [Fact]
    public void N_must_be_positive() => Assert.Equal("calendar.n", Shipped.AddWorkdays(D("2026-03-09"), 0).Error!.Code);

    [Fact]
    public void Shipped_years_are_2020_to_2026() => Assert.Equal([2020, 2021, 2022, 2023, 2024, 2025, 2026], Shipped.LoadedYears);

    [Fact]
    public void Holiday_file_errors_name_the_problem()
    {
        Assert.Contains("format", HolidayFile.Parse("{\"format\":\"x\",\"formatVersion\":1,\"years\":{}}").Error!.Message);
        var notWeekend = "{\"format\":\"spotcheck-cn-holidays\",\"formatVersion\":1,\"years\":{\"2027\":{\"status\":\"official\",\"offDays\":[],\"makeupWorkdays\":[\"2027-01-04\"]}}}";
        Assert.Contains("2027-01-04 不是周末", HolidayFile.Parse(notWeekend).Error!.Message);
        Assert.Contains("JSON", HolidayFile.Parse("{").Error!.Message);
    }
}
