using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Notices;

/// <summary>The latest issued notice of a kind as a .docx, rendered from the content stored when it was issued.</summary>
public static class DownloadNotice
{
    public sealed record Document(byte[] Bytes, string FileName, string Number);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Document>> HandleAsync(int taskId, NoticeKind kind, TaskViewer viewer, CancellationToken ct = default)
        {
            var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !viewer.CanSee(task)) return TaskErrors.NotFound;
            var notice = await IssueNotice.LatestAsync(db, taskId, kind, ct);
            if (notice is null)
                return new Error("notice.not_issued", $"本任务尚未签发{NoticeKinds.Title(kind)}", Kind: ErrorKind.NotFound);
            var content = NoticeContent.FromJson(notice.ContentJson);
            return new Document(NoticeDocument.Build(content, notice.Number, notice.IssuedOn), $"{content.Title}-{notice.Number}.docx", notice.Number);
        }
    }
}

/// <summary>For each kind: the latest issued notice, whether today's data would print differently, and why it cannot be issued now.</summary>
public static class NoticeStatus
{
    public sealed record Entry(NoticeKind Kind, IssuedNoticeSummary? Latest, bool Changed, Error? CannotIssue);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result<IReadOnlyList<Entry>>> HandleAsync(int taskId, TaskViewer viewer, CancellationToken ct = default)
        {
            var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !viewer.CanSee(task)) return TaskErrors.NotFound;
            var today = ShanghaiDay.Of(clock.GetUtcNow().UtcDateTime);
            var entries = new List<Entry>();
            foreach (var kind in NoticeKinds.All)
            {
                var latest = await IssueNotice.LatestAsync(db, taskId, kind, ct);
                var prepared = await IssueNotice.PrepareAsync(db, taskId, kind, viewer, today, ct);
                var changed = latest is not null && prepared.IsSuccess
                    && NoticeContent.Sha256Of(prepared.Value.Content.ToJson()) != latest.ContentSha256;
                entries.Add(new Entry(kind, latest is null ? null : IssuedNoticeSummary.Of(latest), changed, prepared.Error));
            }
            return entries;
        }
    }
}
