using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;
using SpotCheck.Draw.Assignment;

namespace SpotCheck.Core.Draws;

/// <summary>
/// Step 5: seed → selection (DRAW_RESULT) → teams (ASSIGNMENT_RESULT), in one transaction: either the draw is
/// finished with its selection rows, or it is still REVEALED and can be run again or voided.
/// </summary>
public static class RunDraw
{
    public sealed record Outcome(string Seed, int Selected, int Teams, IReadOnlyList<string> Infeasible);

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result<Outcome>> HandleAsync(string drawId, string actor, CancellationToken ct = default)
        {
            using var steps = DrawSteps.Begin("run");
            steps.Next("audit-check");
            if (await audit.EnsureChainIntactAsync(ct) is { IsSuccess: false } chain) return chain.Error!;
            return await db.RunAsync(async () =>
            {
                steps.Next("load");
                var found = await DrawLookup.FindAsync(db, drawId, ct, withSnapshot: true);
                if (!found.IsSuccess) return found.Error!;
                var draw = found.Value;
                if (draw.Status != DrawStatus.Revealed)
                    return new Error("draw.wrong_step", $"当前状态为“{DrawLabels.Of(draw.Status)}”，不能执行抽取", Kind: ErrorKind.Conflict);
                steps.Next("replay");
                var builder = DrawRecords.Replay(draw);
                steps.Next("select");
                var seed = builder.ComputeSeed();
                var selection = builder.Select();
                steps.Next("assign");
                var assignment = builder.Assign();
                steps.Next("lookups");

                var ids = selection.Selected.Select(s => s.Id).ToList();
                // One array parameter: 100,000 targets as single parameters would exceed SQLite's variable limit.
                var enterprises = await db.Enterprises.AsNoTracking().Where(e => EF.Parameter(ids).Contains(e.Uscc))
                    .Select(e => new { e.Id, e.Uscc }).ToDictionaryAsync(e => e.Uscc, e => e.Id, StringComparer.Ordinal, ct);
                var teams = assignment.Assigned.ToDictionary(a => a.Target, StringComparer.Ordinal);
                var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, StringComparer.Ordinal, ct);
                var infeasible = assignment.Infeasible.Select(f => InfeasibilityText.Describe(f, departments)).ToList();
                var plan = await db.Plans.SingleAsync(p => p.Id == draw.PlanId, ct);
                var codes = assignment.Assigned.SelectMany(a => a.Team).Distinct(StringComparer.Ordinal).ToList();
                var officerIds = await db.Officers.AsNoTracking().Where(o => codes.Contains(o.Code))
                    .ToDictionaryAsync(o => o.Code, o => o.Id, StringComparer.Ordinal, ct);
                var targets = selection.Selected.Where(s => teams.ContainsKey(s.Id)).Select(s => new CreateDrawTasks.Target(
                    enterprises[s.Id], s.Rank, teams[s.Id].Team.Zip(teams[s.Id].Tickets, (o, k) => new CreateDrawTasks.Member(officerIds[o], k.ToHex())).ToList())).ToList();

                steps.Next("write-selections");
                var completed = draw.Complete(seed, selection.Selected.Count, assignment.Assigned.Count, infeasible, clock.GetUtcNow().UtcDateTime);
                if (!completed.IsSuccess) return completed.Error!;
                plan.MarkDrawn();

                // Selections, tasks and seats go out in bulk; the audit append below saves the draw's new state and
                // its entries in the same transaction, so a crash or a lost race leaves none of them.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var selected = selection.Selected.Select(row => new DrawSelection(draw.DrawId, draw.PlanId, enterprises[row.Id], row.Id, row.Rank,
                    row.Stratum, draw.AsOf, teams.TryGetValue(row.Id, out var t) ? t.Team : [], draw.SupplementOf is not null)).ToList();
                await using (var rows = await EntityRowWriter<DrawSelection>.BeginAsync(db, ct))
                {
                    foreach (var row in selected) await rows.WriteAsync(row, ct);
                    await rows.CompleteAsync(ct);
                }
                steps.Next("latest-teams");
                await LatestTeams.RecordAsync(db, selected, ct);
                steps.Next("tasks");
                await CreateDrawTasks.WriteAsync(db, plan.Id, draw.DrawId, plan.ItemIdList, plan.EndDate, targets, actor, clock.GetUtcNow().UtcDateTime, ct);
                steps.Next("audit");
                await audit.AppendAsync(new AuditEvent("DRAW_RESULT", actor, new JsonObject
                {
                    ["seed"] = seed,
                    ["selected"] = selection.Selected.Count,
                    ["selectedHash"] = Draw.DrawHash.Sha256Hex(string.Join('\n', selection.Selected.Select(s => s.Id + "\t" + s.Key.ToHex()))),
                    ["strata"] = new JsonObject(selection.Strata.Select(s => KeyValuePair.Create(s.Stratum, (JsonNode?)s.K))),
                }, draw.DrawId), ct);
                await audit.AppendAsync(new AuditEvent("ASSIGNMENT_RESULT", actor, new JsonObject
                {
                    ["teams"] = assignment.Assigned.Count,
                    ["teamsHash"] = Draw.DrawHash.Sha256Hex(string.Join('\n', assignment.Assigned.Select(a => a.Target + "\t" + string.Join(',', a.Team)))),
                    ["infeasible"] = assignment.Infeasible.Count,
                }, draw.DrawId), ct);
                steps.Next("commit");
                await tx.CommitAsync(ct);
                return Result<Outcome>.Ok(new Outcome(seed, selection.Selected.Count, assignment.Assigned.Count, infeasible));
            }, ct);
        }
    }
}
