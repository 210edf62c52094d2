using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Plans;

/// <summary>Creates a draft plan (Id 0) or edits a draft.</summary>
public static class SavePlan
{
    public sealed class Command
    {
        public int Id { get; set; }
        public int Year { get; set; }
        public int? Quarter { get; set; }
        public string Name { get; set; } = "";
        public List<int> ItemIds { get; set; } = [];
        public List<string> DepartmentCodes { get; set; } = [];
        public string? Tags { get; set; }
        public string? RegionPrefix { get; set; }
        /// <summary><see cref="Enterprises.EnterpriseStatus"/> names; 存续 (Active) only by default.</summary>
        public List<string> Statuses { get; set; } = ["Active"];
        /// <summary>Ratio per risk class A–D in parts per million (5 % = 50000).</summary>
        public Dictionary<string, long> RatioPpm { get; set; } = [];
        public string FlagPolicy { get; set; } = nameof(Plans.FlagPolicy.Weighted);
        public int SeriousViolationWeight { get; set; } = 5;
        public int AbnormalListWeight { get; set; } = 3;
        public long FlaggedRatioPpm { get; set; }
        public int WindowDays { get; set; } = 365;
        public int TeamSize { get; set; } = 2;
        public DateOnly EndDate { get; set; }
        /// <summary>The row version the edit was made on (form hidden field, API If-Match); null = no check.</summary>
        public int? ExpectedVersion { get; set; }
    }

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<int>> HandleAsync(Command cmd, string actor, CancellationToken ct = default) => db.RunAsync<int>(async () =>
        {
            var now = clock.GetUtcNow();
            var data = await PlanRules.ValidateAsync(db, cmd, DrawClock.Today(now), ct);
            if (!data.IsSuccess) return data.Error!;
            Plan plan;
            if (cmd.Id == 0)
            {
                plan = Plan.CreateDraft(data.Value, now.UtcDateTime);
                db.Plans.Add(plan);
            }
            else
            {
                var found = await db.Plans.SingleOrDefaultAsync(p => p.Id == cmd.Id, ct);
                if (found is null) return new Error("plan.not_found", "抽查计划不存在", Kind: ErrorKind.NotFound);
                plan = found;
                if (cmd.ExpectedVersion is int seen && seen != plan.RowVersion)
                    return Error.Stale("该抽查计划", seen, plan.RowVersion, []);
                var edited = plan.Edit(data.Value);
                if (!edited.IsSuccess) return edited.Error!;
            }
            await audit.AppendAsync(new AuditEvent(cmd.Id == 0 ? "PLAN_CREATED" : "PLAN_UPDATED", actor,
                new JsonObject { ["name"] = plan.Name, ["year"] = plan.Year }), ct);
            return plan.Id;
        }, ct);
    }
}

/// <summary>Publishes a draft plan: it becomes public and gets its PLAN audit entry (draw-spec §7.3).</summary>
public static class PublishPlan
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result> HandleAsync(int planId, string actor, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, ct);
            if (plan is null) return new Error("plan.not_found", "抽查计划不存在", Kind: ErrorKind.NotFound);
            var published = plan.Publish(clock.GetUtcNow().UtcDateTime);
            if (!published.IsSuccess) return published;
            await audit.AppendAsync(new AuditEvent("PLAN", actor, PlanPayload(plan)), ct);
            return Result.Ok();
        }, ct);
    }

    public static JsonObject PlanPayload(Plan p)
    {
        var ratios = new JsonObject();
        foreach (var r in p.RiskClassList) ratios[r.ToString()] = p.RatioPpmOf(r);
        return new JsonObject
        {
            ["planId"] = p.Id,
            ["name"] = p.Name,
            ["year"] = p.Year,
            ["quarter"] = p.Quarter,
            ["items"] = new JsonArray(p.ItemIdList.Select(i => (JsonNode)i).ToArray()),
            ["departments"] = new JsonArray(p.DepartmentCodeList.Select(d => (JsonNode)d).ToArray()),
            ["ratioPpm"] = ratios,
            ["flagPolicy"] = p.FlagPolicy.ToString(),
            ["flaggedRatioPpm"] = p.FlaggedRatioPpm,
            ["windowDays"] = p.WindowDays,
            ["teamSize"] = p.TeamSize,
            ["endDate"] = p.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

public static class ClosePlan
{
    public sealed class Handler(AppDbContext db, AuditLog audit)
    {
        public Task<Result> HandleAsync(int planId, string actor, CancellationToken ct = default) => db.RunAsync(async () =>
        {
            var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, ct);
            if (plan is null) return new Error("plan.not_found", "抽查计划不存在", Kind: ErrorKind.NotFound);
            var closed = plan.Close();
            if (!closed.IsSuccess) return closed;
            await audit.AppendAsync(new AuditEvent("PLAN_CLOSED", actor, new JsonObject { ["planId"] = plan.Id }), ct);
            return Result.Ok();
        }, ct);
    }
}

/// <summary>Plans for the staff list (all) or the public portal (published, drawn, closed).</summary>
public static class ListPlans
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Plan>> HandleAsync(bool publicOnly, CancellationToken ct = default)
        {
            var q = db.Plans.AsNoTracking();
            if (publicOnly) q = q.Where(p => p.State != PlanState.Draft);
            return await q.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).ToListAsync(ct);
        }
    }
}
