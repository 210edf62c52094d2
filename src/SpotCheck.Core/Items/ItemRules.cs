using System.Globalization;
using System.Text.RegularExpressions;
using SpotCheck.Core.Common;

namespace SpotCheck.Core.Items;

/// <summary>Field rules shared by the item form and the import.</summary>
public static partial class ItemRules
{
    [GeneratedRegex("^[0-9A-Za-z_.-]{1,32}$")]
    private static partial Regex CodePattern();

    public static Error? Code(string? code) =>
        code is not null && CodePattern().IsMatch(code) ? null
        : new("item.code", "事项编码只能包含字母、数字、_ . -，长度1–32", nameof(InspectionItem.Code));

    public static Error? Text(string? value, int max, string field, string label) =>
        string.IsNullOrWhiteSpace(value) ? new("item.required", $"{label}不能为空", field)
        : value.Trim().Length > max ? new("item.length", $"{label}不能超过{max}个字符", field)
        : null;

    public static Result<IReadOnlyList<string>> Methods(string? text)
    {
        var codes = (text ?? "").Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) return new Error("item.methods", "抽查方式不能为空", nameof(InspectionItem.Methods));
        var unknown = codes.FirstOrDefault(c => !ItemCodes.Methods.ContainsKey(c));
        if (unknown is not null)
            return new Error("item.methods", $"抽查方式“{unknown}”无效，应为 {string.Join("、", ItemCodes.Methods.Keys)}", nameof(InspectionItem.Methods));
        return codes;
    }

    public static Result<TargetType> Target(string? text) =>
        ItemCodes.ParseTargetType(text?.Trim() ?? "") is { } t ? t
        : new Error("item.target_type", "对象类型应为 ENTERPRISE、INDIVIDUAL、COOPERATIVE 或 FOREIGN_REP", nameof(InspectionItem.TargetType));

    public static Result<ItemCategory> Category(string? text) =>
        ItemCodes.ParseCategory(text?.Trim() ?? "") is { } c ? c
        : new Error("item.category", "事项类别应为 GENERAL（一般）或 KEY（重点）", nameof(InspectionItem.Category));

    public static Result<DateOnly> Date(string? text, string field, string label) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : new Error("item.date", $"{label}应为 YYYY-MM-DD 格式的日期", field);
}
