using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Common;
using SpotCheck.Core.Data;
using SpotCheck.Core.Tasks;

namespace SpotCheck.Core.Evidence;

/// <summary>Adds an evidence file to a task (team members, while the record is editable).</summary>
public static class UploadEvidence
{
    public sealed class Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
    {
        public Task<Result<int>> HandleAsync(IEvidenceStore store, int taskId, string fileName, byte[] bytes, TaskViewer viewer, CancellationToken ct = default) => db.RunAsync<int>(async () =>
        {
            var task = await db.InspectionTasks.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !viewer.CanSee(task)) return new Error("task.not_found", "检查任务不存在或无权查看", Kind: ErrorKind.NotFound);
            if (!viewer.IsMemberOf(task)) return new Error("task.not_member", "只有本任务检查组的在岗成员可以上传证据", Kind: ErrorKind.Forbidden);
            if (task.State is not (TaskState.Open or TaskState.Returned))
                return new Error("task.not_editable", "任务已提交审核或已审核，不能再上传证据", Kind: ErrorKind.Conflict);
            if (bytes.Length == 0) return new Error("evidence.empty", "上传的文件为空", "file");
            if (bytes.LongLength > EvidenceKinds.MaxBytes) return new Error("evidence.size", "证据文件不能超过20MB", "file");
            if (EvidenceKinds.Detect(bytes) is not { } kind)
                return new Error("evidence.type", "只接受 JPG、PNG 图片或 PDF 文件（按文件内容识别，而非扩展名）", "file");
            var name = Path.GetFileName(fileName ?? "").Trim();
            if (name.Length == 0) name = "evidence" + kind.Extension;
            if (name.Length > 255) name = name[^255..];
            // An image that cannot be decoded is refused before anything is stored.
            var thumb = EvidenceKinds.IsImage(kind.ContentType) ? ImageFacts.Thumbnail(bytes) : null;
            if (EvidenceKinds.IsImage(kind.ContentType) && thumb is null)
                return new Error("evidence.image", "图片内容无法解析（文件已损坏或不完整），请上传完整的 JPG 或 PNG 图片", "file");
            var sha = await store.PutAsync(bytes, ct);
            string? thumbSha = null, taken = null, gps = null;
            if (thumb is not null)
            {
                thumbSha = await store.PutAsync(thumb, ct);
                (taken, gps) = ImageFacts.ReadExif(bytes);
            }
            var file = new EvidenceFile(taskId, sha, name, kind.ContentType, bytes.LongLength, thumbSha, taken, gps, viewer.UserName, clock.GetUtcNow().UtcDateTime);
            db.EvidenceFiles.Add(file);
            task.ResetConfirmations();
            task.Touch();
            await audit.AppendAsync(new AuditEvent("EVIDENCE_ADDED", viewer.UserName, new JsonObject
            {
                ["taskId"] = taskId, ["sha256"] = sha, ["contentType"] = kind.ContentType, ["size"] = bytes.LongLength,
            }), ct);
            return file.Id;
        }, ct);
    }
}

/// <summary>
/// Reads an evidence file (or its thumbnail) for someone who may see the task; the bytes are re-hashed first, so a
/// tampered file is refused rather than served, and the refusal is an EVIDENCE_INTEGRITY_FAILED audit entry for the
/// administrators to follow up. A file missing from this instance's store is only unavailable here: no entry.
/// </summary>
public static class OpenEvidence
{
    public sealed record Content(byte[] Bytes, string ContentType, string FileName, bool IsImage);

    public sealed class Handler(AppDbContext db, AuditLog audit)
    {
        public Task<Result<Content>> HandleAsync(IEvidenceStore store, int evidenceId, bool thumbnail, TaskViewer viewer, CancellationToken ct = default) => db.RunAsync<Content>(async () =>
        {
            var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId, ct);
            var task = file is null ? null
                : await db.InspectionTasks.AsNoTracking().Include(t => t.Members).SingleAsync(t => t.Id == file.TaskId, ct);
            if (file is null || task is null || !viewer.CanSee(task))
                return new Error("evidence.not_found", "证据文件不存在或无权查看", Kind: ErrorKind.NotFound);
            if (thumbnail && file.ThumbnailSha256 is null)
                return new Error("evidence.no_thumbnail", "该证据没有缩略图", Kind: ErrorKind.NotFound);
            var sha = thumbnail ? file.ThumbnailSha256! : file.Sha256;
            var bytes = await store.ReadAsync(sha, ct);
            if (!bytes.IsSuccess && bytes.Error!.Code == EvidenceStore.TamperedCode)
            {
                await audit.AppendAsync(new AuditEvent("EVIDENCE_INTEGRITY_FAILED", viewer.UserName, new JsonObject
                {
                    ["evidenceId"] = file.Id, ["taskId"] = file.TaskId, ["sha256"] = sha, ["thumbnail"] = thumbnail, ["problem"] = bytes.Error!.Code,
                }), ct);
                return bytes.Error!;
            }
            if (!bytes.IsSuccess) return bytes.Error!;
            return thumbnail
                ? new Content(bytes.Value, "image/jpeg", "thumb-" + Path.ChangeExtension(file.FileName, ".jpg"), true)
                : new Content(bytes.Value, file.ContentType, file.FileName, file.IsImage);
        }, ct);
    }
}

/// <summary>The evidence list of a task the viewer may see.</summary>
public static class ListEvidence
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<EvidenceFile>> HandleAsync(int taskId, TaskViewer viewer, CancellationToken ct = default)
        {
            var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null || !viewer.CanSee(task)) return [];
            return await db.EvidenceFiles.AsNoTracking().Where(e => e.TaskId == taskId).OrderBy(e => e.Id).ToListAsync(ct);
        }
    }
}
