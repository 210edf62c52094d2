using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Plans;

namespace SpotCheck.Core.Draws;

/// <summary>Step 1 (T0): freezes frame, officers and parameters, names the public-randomness source (INPUTS_FROZEN).</summary>
public static class FreezeDraw
{
    public sealed class Command
    {
        public int PlanId { get; set; }
        /// <summary>Declared before the value exists, e.g. "dice: 两名人员各掷骰子10次" or "drand:quicknet 第N轮".</summary>
        public string RandomnessSource { get; set; } = "";
        /// <summary>Set to the parent drawId for a supplementary draw of its unstaffed targets.</summary>
        public string? SupplementOf { get; set; }
        public int YearlyCap { get; set; } = PlanRules.DefaultYearlyCap;
    }

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result<string>> HandleAsync(Command cmd, string actor, CancellationToken ct = default)
        {
            using var steps = DrawSteps.Begin("freeze");
            steps.Next("frame");
            var source = cmd.RandomnessSource?.Trim() ?? "";
            if (source.Length == 0) return new Error("draw.source", "请事先声明公共随机数来源", "randomnessSource");
            if (source.Length > 500) return new Error("draw.source", "公共随机数来源说明不能超过500个字符", "randomnessSource");
            if (PublicRandomnessFormat.DeclaredKinds(source) is null)
                return new Error("draw.source", "公共随机数来源须以类型开头：dice（现场掷骰）、drand 或 nist，如“dice：两名人员现场各掷骰子”；多种来源用+连接", "randomnessSource");
            if (cmd.YearlyCap < 1) return new Error("draw.yearly_cap", "每户每年抽查次数上限至少为1", "yearlyCap");
            if (await audit.EnsureChainIntactAsync(ct) is { IsSuccess: false } chain) return chain.Error!;
            return await db.RunAsync(async () =>
            {
                var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == cmd.PlanId, ct);
                if (plan is null) return new Error("plan.not_found", "抽查计划不存在", Kind: ErrorKind.NotFound);
                var drawable = plan.CanDraw();
                if (!drawable.IsSuccess) return drawable.Error!;
                var now = clock.GetUtcNow();
                var asOf = DrawClock.Today(now);
                if (asOf > plan.EndDate) return new Error("draw.plan_ended", "计划完成日期已过，不能再抽取", "planId", ErrorKind.Conflict);
                var open = await db.DrawSessions.AnyAsync(d => d.PlanId == plan.Id && d.Status != DrawStatus.Voided
                    && d.Status != DrawStatus.Drawn && d.Status != DrawStatus.Partial, ct);
                if (open) return new Error("draw.open", "该计划有尚未完成的抽取，请先完成或作废", "planId", ErrorKind.Conflict);

                string drawId;
                FrozenInputs inputs;
                if (cmd.SupplementOf is { Length: > 0 } parentId)
                {
                    var parent = await db.DrawSessions.AsNoTracking().SingleOrDefaultAsync(d => d.DrawId == parentId && d.PlanId == plan.Id, ct);
                    if (parent is null) return new Error("draw.not_found", "要补充的抽取不存在", "supplementOf", ErrorKind.NotFound);
                    if (parent.Status != DrawStatus.Partial) return new Error("draw.not_partial", "只有部分完成（有无法配员对象）的抽取可以补充抽取", "supplementOf", ErrorKind.Conflict);
                    var n = await db.DrawSessions.CountAsync(d => d.SupplementOf == parentId, ct) + 1;
                    drawId = $"{parentId}-S{n.ToString(CultureInfo.InvariantCulture)}";
                    inputs = await FrameBuilder.SupplementAsync(db, plan, parent, drawId, asOf, ct);
                }
                else
                {
                    var n = await db.DrawSessions.CountAsync(d => d.PlanId == plan.Id && d.SupplementOf == null, ct) + 1;
                    drawId = string.Create(CultureInfo.InvariantCulture, $"{plan.Year}-P{plan.Id}-{n:D2}");
                    inputs = await FrameBuilder.ForPlanAsync(db, plan, drawId, asOf, cmd.YearlyCap, ct);
                }
                steps.Next("session");
                var draw = DrawSession.Freeze(drawId, plan.Id, cmd.SupplementOf is { Length: > 0 } ? cmd.SupplementOf : null, asOf, inputs, source, actor, now.UtcDateTime);
                db.DrawSessions.Add(draw);
                // A freeze of the same plan racing this one loses on the drawId or the one-open-draw key, and its retry
                // finds the open draw.
                steps.Next("persist-audit");
                await AppendFrozenAsync(audit, draw, plan.Id, inputs, source, actor, ct);
                return Result<string>.Ok(drawId);
            }, ct);
        }

        static Task AppendFrozenAsync(AuditLog audit, DrawSession draw, int planId, FrozenInputs inputs, string source, string actor,
            CancellationToken ct) =>
            audit.AppendAsync(new AuditEvent("INPUTS_FROZEN", actor, new JsonObject
            {
                ["planId"] = planId,
                ["inputsHash"] = inputs.InputsHash,
                ["frame"] = LineCount(inputs.Population),
                ["excluded"] = LineCount(inputs.Excluded),
                ["inspectors"] = LineCount(inputs.Inspectors),
                ["randomnessSource"] = source,
                ["supplementOf"] = draw.SupplementOf,
            }, draw.DrawId), ct);

        static int LineCount(string tsv) => tsv.AsSpan().Count('\n');
    }
}
