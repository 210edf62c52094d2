using SpotCheck.Core.Common;
using SpotCheck.Core.Items;

namespace SpotCheck.Core.Tasks;

/// <summary>The result-code and follow-up rules of domain.md §3.1–§3.3; each error names its field.</summary>
public static class RecordRules
{
    public static Result<RecordData> Validate(SaveRecord.Command c, IReadOnlyList<InspectionItem> items, DateOnly today)
    {
        if (c.InspectedOn is not DateOnly on) return new Error("record.date", "请填写检查日期", nameof(c.InspectedOn));
        if (on > today) return new Error("record.date", "检查日期不能晚于今天", nameof(c.InspectedOn));
        var ended = c.ConcludedOn ?? on;
        if (ended < on) return new Error("record.concluded", "检查结束日期不能早于检查日期", nameof(c.ConcludedOn));
        if (ended > today) return new Error("record.concluded", "检查结束日期不能晚于今天", nameof(c.ConcludedOn));
        if (string.IsNullOrWhiteSpace(c.Place) || c.Place.Length > 200) return new Error("record.place", "请填写检查地点（不超过200个字符）", nameof(c.Place));
        var methods = Codes(c.Methods);
        if (methods.Count == 0) return new Error("record.methods", "请至少选择一种检查方式", nameof(c.Methods));
        if (methods.FirstOrDefault(m => !ItemCodes.Methods.ContainsKey(m)) is { } badMethod)
            return new Error("record.methods", $"检查方式“{badMethod}”无效", nameof(c.Methods));
        if (c.Findings is { Length: > 4000 }) return new Error("record.findings", "检查情况不能超过4000个字符", nameof(c.Findings));

        var results = Codes(c.Results);
        if (results.Count == 0) return new Error("record.results", "请至少选择一项检查结果", nameof(c.Results));
        if (results.FirstOrDefault(r => !RecordCodes.Results.ContainsKey(r)) is { } badResult)
            return new Error("record.results", $"检查结果“{badResult}”无效", nameof(c.Results));
        if (results.Contains(RecordCodes.NoProblem) && results.Count > 1)
            return new Error("record.results", "“未发现问题”不能与其他检查结果同时选择", nameof(c.Results));
        if (results.Any(RecordCodes.Findings.Contains) && !results.Contains("PROBLEM_PENDING") && !results.Contains("CORRECTED_AFTER_ORDER"))
            return new Error("record.results", "具体问题须与“发现问题待后续处理”或“发现问题经责令已改正”一同选择", nameof(c.Results));
        var resultOther = Blank(c.ResultOtherText);
        if (results.Contains(RecordCodes.Other) && resultOther is null)
            return new Error("record.result_other", "选择“其他”检查结果时必须填写说明", nameof(c.ResultOtherText));
        if (!results.Contains(RecordCodes.Other)) resultOther = null;

        var followUps = Codes(c.FollowUps);
        if (followUps.Count == 0) return new Error("record.follow_ups", "请至少选择一项后续处置", nameof(c.FollowUps));
        if (followUps.FirstOrDefault(f => !RecordCodes.FollowUps.ContainsKey(f)) is { } badFollow)
            return new Error("record.follow_ups", $"后续处置“{badFollow}”无效", nameof(c.FollowUps));
        if (followUps.Contains("NONE_REQUIRED") && followUps.Count > 1)
            return new Error("record.follow_ups", "“无需处置”不能与其他后续处置同时选择", nameof(c.FollowUps));
        if (results.Contains("PROBLEM_PENDING") && followUps.Contains("NONE_REQUIRED"))
            return new Error("record.follow_ups", "“发现问题待后续处理”须有后续处置，不能选择“无需处置”", nameof(c.FollowUps));
        DateOnly? rectifyDue = null;
        if (followUps.Contains(RecordCodes.Rectify))
        {
            if (c.RectifyDueDate is not DateOnly due) return new Error("record.rectify_due", "责令限期整改必须填写整改期限", nameof(c.RectifyDueDate));
            if (due <= on) return new Error("record.rectify_due", "整改期限必须晚于检查日期", nameof(c.RectifyDueDate));
            rectifyDue = due;
        }
        var followOther = Blank(c.FollowUpOtherText);
        if (followUps.Contains(RecordCodes.Other) && followOther is null)
            return new Error("record.follow_up_other", "选择“其他”后续处置时必须填写说明", nameof(c.FollowUpOtherText));
        if (!followUps.Contains(RecordCodes.Other)) followOther = null;

        var byId = items.ToDictionary(i => i.Id);
        var checklist = new List<ChecklistLine>();
        foreach (var line in c.Checklist)
        {
            if (!byId.TryGetValue(line.ItemId, out var item))
                return new Error("record.checklist", "检查清单中的事项不属于本任务", nameof(c.Checklist));
            if (line.Note is { Length: > 1000 }) return new Error("record.checklist", "检查清单说明不能超过1000个字符", nameof(c.Checklist));
            checklist.Add(new ChecklistLine(item.Id, item.Content, line.Compliant, line.Note?.Trim() ?? ""));
        }
        var notInspectable = results.All(RecordCodes.NotInspectable.Contains);
        if (!notInspectable && checklist.Select(l => l.ItemId).Distinct().Count() != items.Count)
            return new Error("record.checklist", "请对每个检查事项逐项填写检查清单", nameof(c.Checklist));
        return new RecordData(on, ended, c.Place.Trim(), methods, checklist, c.Findings?.Trim() ?? "", results, resultOther,
            followUps, rectifyDue, followOther);
    }

    static List<string> Codes(IEnumerable<string>? codes) =>
        (codes ?? []).SelectMany(s => s.Split([';', '；', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Length > 500 ? s.Trim()[..500] : s.Trim();
}
