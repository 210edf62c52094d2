using SpotCheck.Core.Common;

namespace SpotCheck.Core.Enterprises;

/// <summary>Field rules shared by the edit form and the import; messages are zh-CN, fields are property names.</summary>
public static class EnterpriseRules
{
    public const int MaxTags = 20;

    public static Error? Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? new("enterprise.name", "名称不能为空", nameof(Enterprise.Name))
        : name.Trim().Length > 200 ? new("enterprise.name", "名称不能超过200个字符", nameof(Enterprise.Name))
        : null;

    public static Error? RegionCode(string? code) =>
        code is { Length: 6 } && code.All(char.IsAsciiDigit) ? null
        : new("enterprise.region", "行政区划代码应为6位数字", nameof(Enterprise.RegionCode));

    public static Error? Address(string? address) =>
        string.IsNullOrWhiteSpace(address) ? new("enterprise.address", "地址不能为空", nameof(Enterprise.Address))
        : address.Trim().Length > 300 ? new("enterprise.address", "地址不能超过300个字符", nameof(Enterprise.Address))
        : null;

    public static Result<IReadOnlyList<string>> Tags(string? text)
    {
        var tags = (text ?? "").Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > MaxTags) return new Error("enterprise.tags", $"行业标签不能超过{MaxTags}个", "Tags");
        var tooLong = tags.FirstOrDefault(t => t.Length > 50);
        if (tooLong is not null) return new Error("enterprise.tags", $"行业标签“{tooLong}”超过50个字符", "Tags");
        return tags;
    }

    public static Result<RiskClass> Risk(string? text) => text?.Trim() switch
    {
        "A" => RiskClass.A,
        "B" => RiskClass.B,
        "C" => RiskClass.C,
        "D" => RiskClass.D,
        _ => new Error("enterprise.risk", "信用风险分类应为 A、B、C 或 D", nameof(Enterprise.RiskClass)),
    };

    public static Result<bool> YesNo(string? text, string field, string label) => text?.Trim() switch
    {
        "是" => true,
        "否" => false,
        _ => new Error("enterprise.flag", $"{label}应填“是”或“否”", field),
    };

    public static Result<EnterpriseStatus> Status(string? text) =>
        EnterpriseLabels.ParseStatus(text?.Trim() ?? "") is { } s ? s
        : new Error("enterprise.status", "登记状态应为 存续、注销、吊销 或 迁出", nameof(Enterprise.Status));

    public static Error? Optional(string? value, int max, string field, string label) =>
        value is not null && value.Trim().Length > max ? new("enterprise.length", $"{label}不能超过{max}个字符", field) : null;

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
