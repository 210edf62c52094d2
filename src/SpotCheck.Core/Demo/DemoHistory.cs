using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Plans;
using static SpotCheck.Core.Demo.DemoCeremony;

namespace SpotCheck.Core.Demo;

/// <summary>
/// SPEC §5 "Demo data": a completed previous year (2025 plan drawn, inspected, reviewed, published, closed) and the current
/// year's plan published and ready to draw (2026, xiping-demo.md §5 storyline). All of it through the handlers.
/// </summary>
static class DemoHistory
{
    public const int PreviousYear = 2025;
    public const int CurrentYear = 2026;
    public const string PreviousPlanName = "西平县2025年度双随机抽查计划（示例数据）";
    public const string CurrentPlanName = "西平县2026年度双随机抽查计划（示例数据）";
    static readonly string[] Targets = ["汽车产品生产", "汽车产品销售", "煤炭经营"];

    static readonly DateOnly PreviousPublishedOn = new(2025, 2, 17);
    static readonly DateOnly PreviousDrawnOn = new(2025, 3, 10);
    static readonly DateOnly PreviousFirstInspection = new(2025, 4, 8);
    static readonly DateOnly CurrentPublishedOn = new(2026, 1, 6);

    /// <summary>Runs whatever part of the history is missing; returns the number of use-case steps it took (0 when complete).</summary>
    public static async Task<int> SeedAsync(AppDbContext db, AuditLog audit, IReadOnlyList<int> itemIds, CancellationToken ct)
    {
        var clock = new DemoClock();
        var (previous, steps) = await PublishedPlanAsync(db, audit, clock, Previous(itemIds), PreviousPublishedOn, ct);
        if (previous.State != PlanState.Closed)
        {
            var (draw, drawSteps) = await DrawAsync(db, audit, clock, previous, PreviousDrawnOn, ct);
            steps += drawSteps;
            steps += await DemoInspections.CompleteAsync(db, audit, clock, draw.DrawId, PreviousFirstInspection, ct);
            steps += await DemoInspections.PublishAsync(db, audit, clock, previous.Id, ct);
            Must(await new ClosePlan.Handler(db, audit).HandleAsync(previous.Id, DemoValues.Organizer, ct));
            steps++;
        }
        var (_, currentSteps) = await PublishedPlanAsync(db, audit, clock, Current(itemIds), CurrentPublishedOn, ct);
        return steps + currentSteps;
    }

    /// <summary>Small ratios: about a dozen targets, which the bureau's two officers staff together.</summary>
    static SavePlan.Command Previous(IReadOnlyList<int> itemIds) => new()
    {
        Year = PreviousYear, Name = PreviousPlanName, ItemIds = [.. itemIds], DepartmentCodes = [DemoData.DepartmentCode],
        Tags = string.Join(';', Targets), RegionPrefix = DemoData.Region,
        RatioPpm = new() { ["A"] = 30_000, ["B"] = 50_000, ["C"] = 100_000, ["D"] = 200_000 },
        TeamSize = 2, WindowDays = 365, EndDate = new DateOnly(PreviousYear, 12, 31),
    };

    /// <summary>
    /// xiping-demo.md §5: A 3 %, B 5 %, C 25 %, D 60 %, 严重失信 (BLACKLIST) and 经营异常 targets in a stratum of their own at
    /// 100 %. The window covers two years: with a pool of exactly two officers, a target drawn in 2025 could only be
    /// staffed by its previous team (REPEAT_PREVIOUS, draw-spec §5.2), so it is kept out of the 2026 frame instead.
    /// </summary>
    static SavePlan.Command Current(IReadOnlyList<int> itemIds) => new()
    {
        Year = CurrentYear, Name = CurrentPlanName, ItemIds = [.. itemIds], DepartmentCodes = [DemoData.DepartmentCode],
        Tags = string.Join(';', Targets), RegionPrefix = DemoData.Region,
        RatioPpm = new() { ["A"] = 30_000, ["B"] = 50_000, ["C"] = 250_000, ["D"] = 600_000 },
        FlagPolicy = nameof(FlagPolicy.SeparateStratum), FlaggedRatioPpm = 1_000_000,
        TeamSize = 2, WindowDays = 730, EndDate = new DateOnly(CurrentYear, 12, 31),
    };
}
