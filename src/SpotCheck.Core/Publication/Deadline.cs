using SpotCheck.Core.Calendar;

namespace SpotCheck.Core.Publication;

/// <summary>
/// 自抽查结束之日起20个工作日内公示 (西科工〔2020〕60号, domain.md §4): the 20th working day strictly after the day the
/// inspection ended. When the count runs into a year whose holiday notice is not loaded the date is unknown, and says
/// which year is missing: a deadline is never guessed.
/// </summary>
public sealed record Deadline(DateOnly? Date, int? MissingYear)
{
    public const int Workdays = 20;

    public static Deadline From(WorkingDayCalendar calendar, DateOnly concludedOn)
    {
        var exact = calendar.AddWorkdays(concludedOn, Workdays);
        if (exact.IsSuccess) return new Deadline(exact.Value, null);
        // 20 working days never span more than the next calendar year.
        var missing = new[] { concludedOn.Year, concludedOn.Year + 1 }.First(y => !calendar.LoadedYears.Contains(y));
        return new Deadline(null, missing);
    }

    /// <summary>How it reads on a page: the date, or why there is none.</summary>
    public string Text => Date is DateOnly d
        ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : $"待定（{MissingYear}年节假日安排未导入）";
}
