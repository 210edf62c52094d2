using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Notices;

/// <summary>A notice as issued: its 文号 and who issued it when.</summary>
public sealed record IssuedNoticeSummary(int Id, NoticeKind Kind, int Revision, string Number, DateOnly IssuedOn, string IssuedBy, DateTime IssuedAtUtc)
{
    internal static IssuedNoticeSummary Of(IssuedNotice n) => new(n.Id, n.Kind, n.Revision, n.Number, n.IssuedOn, n.IssuedBy, n.IssuedAtUtc);
}

/// <summary>
/// Issues a task's notice: the next 文号 of the issuing department's series for the kind and year, and the printed
/// content stored with it; NOTICE_ISSUED is saved with it. Issuing again while the content is unchanged returns the
/// notice already issued (same number). When the content changed (a member withdrew, settings changed …), a new
/// revision with the next number is issued. Concurrent issuers never share or skip a number: unique indexes keep one
/// winner and the others count again.
/// </summary>
public static class IssueNotice
{
    public sealed record Issued(IssuedNoticeSummary Notice, bool IsNew);

    const int Attempts = 25;

    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result<Issued>> HandleAsync(int taskId, NoticeKind kind, TaskViewer viewer, CancellationToken ct = default)
        {
            for (var attempt = 1; ; attempt++)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var today = ShanghaiDay.Of(now);
                var prepared = await PrepareAsync(db, taskId, kind, viewer, today, ct);
                if (!prepared.IsSuccess) return prepared.Error!;
                var (facts, content) = prepared.Value;
                IssuedNotice? notice = null;
                try
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    var latest = await LatestAsync(db, taskId, kind, ct);
                    var json = content.ToJson();
                    var sha = NoticeContent.Sha256Of(json);
                    if (latest is not null && latest.ContentSha256 == sha) return new Issued(IssuedNoticeSummary.Of(latest), false);
                    var department = facts.Issuer.Id;
                    var seq = (await db.IssuedNotices.Where(n => n.DepartmentId == department && n.Kind == kind && n.Year == today.Year)
                        .MaxAsync(n => (int?)n.Seq, ct) ?? 0) + 1;
                    var number = NoticeNumberPattern.Format(facts.Settings.PatternOf(kind), today.Year, seq);
                    notice = new IssuedNotice(taskId, kind, (latest?.Revision ?? 0) + 1, department, today.Year, seq, number,
                        facts.Task.RowVersion, json, sha, today, now, viewer.UserName);
                    db.IssuedNotices.Add(notice);
                    await audit.AppendAsync(new AuditEvent("NOTICE_ISSUED", viewer.UserName, new JsonObject
                    {
                        ["taskId"] = taskId,
                        ["kind"] = kind.ToString(),
                        ["revision"] = notice.Revision,
                        ["number"] = number,
                        ["departmentId"] = department,
                        ["year"] = today.Year,
                        ["seq"] = seq,
                        ["issuedOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["taskVersion"] = facts.Task.RowVersion,
                        ["contentSha256"] = sha,
                        ["supersedes"] = latest?.Number,
                    }, facts.Task.DrawId), ct);
                    await tx.CommitAsync(ct);
                    return new Issued(IssuedNoticeSummary.Of(notice), true);
                }
                catch (DbUpdateException) when (attempt < Attempts)
                {
                    // Another issuer took this number, or issued this very notice, first: nothing of ours was saved.
                    if (notice is not null) db.Entry(notice).State = EntityState.Detached;
                }
                catch (DbUpdateException)
                {
                    if (notice is not null) db.Entry(notice).State = EntityState.Detached;
                    return new Error("notice.number_conflict", "文号与已签发的文书重复，请检查文号格式设置后重试", Kind: ErrorKind.Conflict);
                }
            }
        }
    }

    /// <summary>The facts and the content the notice would carry if issued today, or why it cannot be issued.</summary>
    internal static async Task<Result<(NoticeFacts Facts, NoticeContent Content)>> PrepareAsync(AppDbContext db, int taskId, NoticeKind kind,
        TaskViewer viewer, DateOnly today, CancellationToken ct)
    {
        var loaded = await NoticeFacts.LoadAsync(db, taskId, kind, viewer, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var f = loaded.Value;
        if (kind == NoticeKind.Inspection && f.Task.State == TaskState.Approved)
            return new Error("notice.task_closed", "任务已审核完成，不能再签发检查通知书", Kind: ErrorKind.Conflict);
        if (f.Team.Count < InspectionTask.MinimumTeam)
            return new Error("notice.short_staffed", $"检查组在岗执法人员不足{InspectionTask.MinimumTeam}名，补足后才能签发文书", Kind: ErrorKind.Conflict);
        if (f.Team.FirstOrDefault(o => o.CertificateValidTo < today) is { } expired)
            return new Error("notice.certificate_expired",
                $"{expired.Name}的执法证（{expired.CertificateNo}）已于{NoticeWording.Date(expired.CertificateValidTo)}到期，不能列入文书，请先调整检查人员",
                Kind: ErrorKind.Conflict);
        return (f, NoticeWording.Compose(kind, f));
    }

    internal static Task<IssuedNotice?> LatestAsync(AppDbContext db, int taskId, NoticeKind kind, CancellationToken ct) =>
        db.IssuedNotices.AsNoTracking().Where(n => n.TaskId == taskId && n.Kind == kind).OrderByDescending(n => n.Revision).FirstOrDefaultAsync(ct);
}
