using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Publication;

/// <summary>
/// 公示: a Reviewer publishes one approved result or a batch. The batch, its frozen public rows and the tasks' state
/// change are saved with one RESULTS_PUBLISHED audit entry that names the chain's head at that moment; the chain is
/// verified first, and nothing is published on a broken chain.
/// </summary>
public static class PublishResults
{
    public const int MaxBatch = 500;

    public sealed record Outcome(int BatchId, string Number, int Count, long HeadSeq, string HeadHash, int Late);

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<Outcome>> HandleAsync(IReadOnlyList<int> taskIds, TaskViewer reviewer, CancellationToken ct = default) => db.RunAsync<Outcome>(async () =>
        {
            var ids = (taskIds ?? []).Distinct().ToList();
            if (ids.Count == 0) return new Error("publication.empty", "请选择要公示的检查结果", "taskIds");
            if (ids.Count > MaxBatch) return new Error("publication.too_many", $"一批最多公示{MaxBatch}条检查结果", "taskIds");
            var tasks = await db.InspectionTasks.Include(t => t.Members).Where(t => ids.Contains(t.Id)).ToListAsync(ct);
            var missing = ids.Except(tasks.Where(reviewer.CanSee).Select(t => t.Id)).ToList();
            if (missing.Count > 0) return new Error("task.not_found", $"检查任务不存在或无权查看：#{string.Join("、#", missing)}", "taskIds", ErrorKind.NotFound);
            if (await audit.EnsureChainIntactAsync(ct) is { IsSuccess: false } chain) return chain.Error!;
            foreach (var task in tasks)
            {
                var published = task.Publish();
                if (!published.IsSuccess) return published.Error;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var today = ShanghaiDay.Of(now);
            var contents = await PublicContent.GatherAsync(db, tasks, ct);
            var deadlines = await db.InspectionRecords.AsNoTracking().Where(r => ids.Contains(r.TaskId))
                .ToDictionaryAsync(r => r.TaskId, r => r.PublicationDeadline, ct);
            var number = await NextNumberAsync(today.Year, ct);
            var isDemo = contents.Values.All(c => c.IsDemo);
            PublicationBatch? batch = null;
            await audit.AppendAsync(head =>
            {
                batch = new PublicationBatch(number, today, now, reviewer.UserName, head.Seq, head.Hash, isDemo);
                foreach (var task in tasks.OrderBy(t => t.Id))
                    batch.Add(PublishedResult.First(contents[task.Id], today, now, reviewer.UserName, deadlines[task.Id]));
                db.PublicationBatches.Add(batch);
                return new AuditEvent("RESULTS_PUBLISHED", reviewer.UserName, new JsonObject
                {
                    ["batch"] = number,
                    ["count"] = batch.ResultCount,
                    ["taskIds"] = new JsonArray([.. tasks.OrderBy(t => t.Id).Select(t => (JsonNode)t.Id)]),
                    ["contentHash"] = PublicContent.Hash(batch.Results),
                    ["head"] = new JsonObject { ["seq"] = head.Seq, ["hash"] = head.Hash },
                });
            }, ct);
            return new Outcome(batch!.Id, number, batch.ResultCount, batch.HeadSeq, batch.HeadHash, batch.Results.Count(r => r.WasLate));
        }, ct);

        /// <summary>公告编号 YYYY-NNN, numbered per year; a concurrent batch taking the same number loses on its unique key.</summary>
        async Task<string> NextNumberAsync(int year, CancellationToken ct)
        {
            var prefix = year.ToString(CultureInfo.InvariantCulture) + "-";
            var count = await db.PublicationBatches.CountAsync(b => b.Number.StartsWith(prefix), ct);
            return prefix + (count + 1).ToString("D3", CultureInfo.InvariantCulture);
        }
    }
}
