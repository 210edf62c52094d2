using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Calendar;

/// <summary>One notice year from a file in the shipped cn-holidays.json layout.</summary>
public sealed record HolidayYear(int Year, string Status, IReadOnlySet<DateOnly> OffDays, IReadOnlySet<DateOnly> MakeupWorkdays, string Json);

/// <summary>Reads the "spotcheck-cn-holidays" layout (format version 1); refuses anything it cannot read exactly.</summary>
public static class HolidayFile
{
    public const string Format = "spotcheck-cn-holidays";

    public static Result<IReadOnlyList<HolidayYear>> Parse(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            return Invalid($"文件不是有效的 JSON：{e.Message}");
        }
        if (root is not JsonObject obj) return Invalid("文件顶层应为 JSON 对象");
        if (obj["format"]?.GetValueKind() != JsonValueKind.String || (string?)obj["format"] != Format)
            return Invalid($"format 应为 \"{Format}\"");
        if (obj["formatVersion"]?.GetValueKind() != JsonValueKind.Number || (int?)obj["formatVersion"] != 1)
            return Invalid("formatVersion 应为 1");
        if (obj["years"] is not JsonObject years || years.Count == 0) return Invalid("years 应为非空对象");

        var result = new List<HolidayYear>();
        foreach (var (key, node) in years)
        {
            if (key.Length != 4 || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000)
                return Invalid($"years 的键“{key}”不是有效年份");
            var parsed = ParseYear(year, node);
            if (!parsed.IsSuccess) return parsed.Error!;
            result.Add(parsed.Value);
        }
        return result;
    }

    /// <summary>Re-reads a year stored by an import; it was validated then, so a failure here is corruption.</summary>
    public static HolidayYear ParseStoredYear(int year, string json)
    {
        var parsed = ParseYear(year, JsonNode.Parse(json));
        return parsed.IsSuccess ? parsed.Value : throw new InvalidOperationException($"stored calendar year {year}: {parsed.Error!.Message}");
    }

    static Result<HolidayYear> ParseYear(int year, JsonNode? node)
    {
        if (node is not JsonObject y) return Invalid($"{year} 年的数据应为对象");
        var status = y["status"]?.GetValueKind() == JsonValueKind.String ? (string)y["status"]! : "";
        if (status is not ("official" or "provisional"))
            return Invalid($"{year} 年的 status 应为 official 或 provisional");
        var off = Dates(year, y, "offDays");
        if (!off.IsSuccess) return off.Error!;
        var makeup = Dates(year, y, "makeupWorkdays");
        if (!makeup.IsSuccess) return makeup.Error!;
        foreach (var d in makeup.Value)
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                return Invalid(string.Create(CultureInfo.InvariantCulture, $"{year} 年 makeupWorkdays 中的 {d:yyyy-MM-dd} 不是周末（调休上班日总是周六或周日）"));
            if (off.Value.Contains(d)) return Invalid(string.Create(CultureInfo.InvariantCulture, $"{year} 年的 {d:yyyy-MM-dd} 同时出现在 offDays 和 makeupWorkdays 中"));
        }
        return new HolidayYear(year, status, off.Value, makeup.Value, y.ToJsonString());
    }

    static Result<IReadOnlySet<DateOnly>> Dates(int year, JsonObject y, string name)
    {
        if (y[name] is not JsonArray array) return Invalid($"{year} 年缺少 {name} 数组");
        var set = new SortedSet<DateOnly>();
        foreach (var item in array)
        {
            var text = item?.GetValueKind() == JsonValueKind.String ? (string)item! : null;
            if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return Invalid($"{year} 年 {name} 中的“{item?.ToJsonString()}”不是 YYYY-MM-DD 日期");
            // A notice may reach into the neighbouring year (the 2023 notice makes 2022-12-31 a day off).
            if (Math.Abs(d.Year - year) > 1) return Invalid($"{year} 年 {name} 中的 {text} 不属于该通知的年份范围");
            set.Add(d);
        }
        return set;
    }

    static Error Invalid(string message) => new("calendar.invalid_file", message, "file");
}
