using System.Reflection;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Calendar;

/// <summary>
/// Working days under the loaded official notices (domain.md §4): one date → status map built from all notices,
/// and refusal of any calendar year whose notice is not loaded — never a silent weekends-only fallback.
/// </summary>
public sealed class WorkingDayCalendar
{
    readonly HashSet<int> _loadedYears;
    readonly HashSet<DateOnly> _offDays = [];
    readonly HashSet<DateOnly> _makeupWorkdays = [];

    public WorkingDayCalendar(IEnumerable<HolidayYear> years)
    {
        var list = years.ToList();
        _loadedYears = [.. list.Select(y => y.Year)];
        foreach (var y in list)
        {
            _offDays.UnionWith(y.OffDays);
            _makeupWorkdays.UnionWith(y.MakeupWorkdays);
        }
    }

    public IReadOnlyCollection<int> LoadedYears => [.. _loadedYears.Order()];

    /// <summary>The 2020–2026 schedule embedded in the product.</summary>
    public static IReadOnlyList<HolidayYear> ShippedYears() => Shipped.Value;

    public static WorkingDayCalendar ShippedOnly() => new(ShippedYears());

    static readonly Lazy<IReadOnlyList<HolidayYear>> Shipped = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SpotCheck.Core.Calendar.cn-holidays.json")
            ?? throw new InvalidOperationException("embedded cn-holidays.json missing");
        using var reader = new StreamReader(stream);
        var parsed = HolidayFile.Parse(reader.ReadToEnd());
        return parsed.IsSuccess ? parsed.Value : throw new InvalidOperationException(parsed.Error!.Message);
    });

    public Result<bool> IsWorkday(DateOnly day)
    {
        if (!_loadedYears.Contains(day.Year)) return NotLoaded(day.Year);
        return IsWorkdayUnchecked(day);
    }

    /// <summary>The N-th working day strictly after <paramref name="start"/> (N ≥ 1).</summary>
    public Result<DateOnly> AddWorkdays(DateOnly start, int n)
    {
        if (n < 1) return new Error("calendar.n", "工作日数 N 必须为正整数", "n");
        var day = start;
        var counted = 0;
        // 民法典 art. 201: the start day is not counted.
        while (counted < n)
        {
            if (day == DateOnly.MaxValue) return new Error("calendar.range", "日期超出范围", "n");
            day = day.AddDays(1);
            if (!_loadedYears.Contains(day.Year)) return NotLoaded(day.Year);
            if (IsWorkdayUnchecked(day)) counted++;
        }
        return day;
    }

    bool IsWorkdayUnchecked(DateOnly day) =>
        _makeupWorkdays.Contains(day)
        || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_offDays.Contains(day));

    static Error NotLoaded(int year) =>
        new("calendar.year_not_loaded", $"{year} 年的节假日安排尚未导入，无法计算工作日（请管理员导入 {year} 年通知）", "date");
}
