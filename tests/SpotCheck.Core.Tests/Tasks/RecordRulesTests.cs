using SpotCheck.Core.Items;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Tests.Tasks;

public sealed class RecordRulesTests
{
    static readonly DateOnly Today = new(2026, 11, 26);

    static InspectionItem Item() => InspectionItem.CreateDraft("T-1", new ItemData("煤炭经营", "局", "依据", 1, TargetType.Enterprise,
        "告知性备案", ["ONSITE"], ItemCategory.General, "", new DateOnly(2026, 1, 1)), DateTime.UnixEpoch);

    static SaveRecord.Command Cmd(string results, string followUps, DateOnly? due = null, string? resultOther = null, string? followOther = null) => new()
    {
        InspectedOn = new DateOnly(2026, 11, 25), Place = "现场", Methods = ["ONSITE"],
        Checklist = [new SaveRecord.Line { ItemId = 0, Compliant = true }],
        Results = [.. results.Split(';')], FollowUps = [.. followUps.Split(';')], RectifyDueDate = due,
        ResultOtherText = resultOther, FollowUpOtherText = followOther,
    };

    static string? ErrorField(SaveRecord.Command c) => RecordRules.Validate(c, [Item()], Today).Error?.Field;

    [Fact]
    public void No_problem_is_exclusive()
    {
        Assert.Null(ErrorField(Cmd("NO_PROBLEM", "NONE_REQUIRED")));
        Assert.Equal("Results", ErrorField(Cmd("NO_PROBLEM;ANNUAL_REPORT_NOT_PUBLISHED", "GUIDANCE")));
    }

    [Fact]
    public void Other_needs_text_for_results_and_follow_ups()
    {
        Assert.Equal("ResultOtherText", ErrorField(Cmd("OTHER", "GUIDANCE")));
        Assert.Null(ErrorField(Cmd("OTHER", "GUIDANCE", resultOther: "账实不符")));
        Assert.Equal("FollowUpOtherText", ErrorField(Cmd("PROBLEM_PENDING", "OTHER")));
    }

    [Fact]
    public void Rectify_needs_a_due_date_after_the_inspection()
    {
        Assert.Equal("RectifyDueDate", ErrorField(Cmd("PROBLEM_PENDING", "RECTIFY")));
        Assert.Equal("RectifyDueDate", ErrorField(Cmd("PROBLEM_PENDING", "RECTIFY", new DateOnly(2026, 11, 25))));
        Assert.Null(ErrorField(Cmd("PROBLEM_PENDING", "RECTIFY", new DateOnly(2026, 12, 10))));
    }

    [Fact]
    public void Item_findings_need_a_problem_result_and_unknown_codes_are_named()
    {
        Assert.Equal("Results", ErrorField(Cmd("COAL_NOT_FILED", "GUIDANCE")));
        Assert.Null(ErrorField(Cmd("COAL_NOT_FILED;PROBLEM_PENDING", "GUIDANCE")));
        var unknown = RecordRules.Validate(Cmd("NOPE", "GUIDANCE"), [Item()], Today).Error!;
        Assert.Contains("NOPE", unknown.Message);
        Assert.Equal("Methods", ErrorField(new SaveRecord.Command { InspectedOn = Today, Place = "x", Methods = ["SPY"], Results = ["NO_PROBLEM"], FollowUps = ["NONE_REQUIRED"] }));
    }

    [Fact]
    public void Enterprise_not_found_or_closed_are_results_without_a_checklist()
    {
        var c = Cmd("UNREACHABLE", "RETURN_TO_ROUTINE");
        c.Checklist = [];
        Assert.Null(ErrorField(c));
        var closed = Cmd("CLOSED_OR_LIQUIDATING", "NONE_REQUIRED");
        closed.Checklist = [];
        Assert.Null(ErrorField(closed));
        var normal = Cmd("NO_PROBLEM", "NONE_REQUIRED");
        normal.Checklist = [];
        Assert.Equal("Checklist", ErrorField(normal));
    }

    [Fact]
    public void A_future_inspection_date_is_refused()
    {
        var c = Cmd("NO_PROBLEM", "NONE_REQUIRED");
        c.InspectedOn = Today.AddDays(1);
        Assert.Equal("InspectedOn", ErrorField(c));
    }
}
