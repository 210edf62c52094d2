using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SpotCheck.Core.Common;
using SpotCheck.Core.Evidence;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Tasks;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Evidence;

public sealed class EvidenceTests : IDisposable
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    readonly string _root = Path.Combine(Path.GetTempPath(), "spotcheck-evidence-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    internal static byte[] Jpeg(bool withExif)
    {
        using var image = new Image<Rgb24>(800, 600, new Rgb24(200, 40, 40));
        if (withExif)
        {
            var exif = new ExifProfile();
            exif.SetValue(ExifTag.DateTimeOriginal, "2026:11:25 10:30:00");
            exif.SetValue(ExifTag.GPSLatitudeRef, "N");
            exif.SetValue(ExifTag.GPSLatitude, [new Rational(33, 1), new Rational(22, 1), new Rational(30, 1)]);
            exif.SetValue(ExifTag.GPSLongitudeRef, "E");
            exif.SetValue(ExifTag.GPSLongitude, [new Rational(114, 1), new Rational(1, 1), new Rational(12, 1)]);
            image.Metadata.ExifProfile = exif;
        }
        using var ms = new MemoryStream();
        image.SaveAsJpeg(ms);
        return ms.ToArray();
    }

    internal static byte[] Png()
    {
        using var image = new Image<Rgba32>(64, 32, new Rgba32(0, 128, 0, 255));
        using var ms = new MemoryStream();
        image.SaveAsPng(ms);
        return ms.ToArray();
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task An_image_is_stored_by_its_hash_with_thumbnail_exif_and_uploader(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var taskId = await kit.ComplaintTaskAsync(0, 1);
        var files = new EvidenceStore(_root);
        var bytes = Jpeg(withExif: true);

        var id = await new UploadEvidence.Handler(store.Db, store.Audit, store.Clock).HandleAsync(files, taskId, "现场照片.jpg", bytes, kit.OfficerViewer(0));
        Assert.True(id.IsSuccess, id.Error?.Message);

        await using var fresh = store.Fresh();
        var file = await fresh.EvidenceFiles.SingleAsync();
        var sha = EvidenceStore.Hash(bytes);
        Assert.Equal((sha, "image/jpeg", (long)bytes.Length, "officer0"), (file.Sha256, file.ContentType, file.SizeBytes, file.UploadedBy));
        Assert.Equal(Store.Now.UtcDateTime, file.UploadedAtUtc);
        var path = Path.Combine(_root, sha[..2], sha[2..4], sha);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal(sha, EvidenceStore.Hash(await File.ReadAllBytesAsync(path)));
        Assert.Equal("2026-11-25 10:30:00", file.ExifTakenAt);
        Assert.Equal("33.375000,114.020000", file.ExifGps);

        var thumb = await new OpenEvidence.Handler(fresh, new SpotCheck.Core.Audit.AuditLog(fresh, store.Clock)).HandleAsync(files, file.Id, thumbnail: true, kit.OfficerViewer(1));
        using var thumbImage = Image.Load(thumb.Value.Bytes);
        Assert.Equal((320, 240), (thumbImage.Width, thumbImage.Height));
        Assert.Equal("EVIDENCE_ADDED", await fresh.AuditEntries.OrderByDescending(e => e.Seq).Select(e => e.Type).FirstAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Type_is_checked_by_content_and_size_is_limited(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var taskId = await kit.ComplaintTaskAsync(0, 1);
        var files = new EvidenceStore(_root);
        var upload = new UploadEvidence.Handler(store.Db, store.Audit, store.Clock);

        var disguised = await upload.HandleAsync(files, taskId, "photo.jpg", "MZ\x90\0 not an image"u8.ToArray(), kit.OfficerViewer(0));
        Assert.Equal(("evidence.type", "file"), (disguised.Error!.Code, disguised.Error.Field));
        var tooBig = new byte[EvidenceKinds.MaxBytes + 1];
        "%PDF-1.7"u8.CopyTo(tooBig);
        Assert.Equal("evidence.size", (await upload.HandleAsync(files, taskId, "big.pdf", tooBig, kit.OfficerViewer(0))).Error!.Code);
        var pdf = await upload.HandleAsync(files, taskId, "scan.png", "%PDF-1.7\n%%EOF\n"u8.ToArray(), kit.OfficerViewer(0));
        Assert.True(pdf.IsSuccess);
        var png = await upload.HandleAsync(files, taskId, "no-extension", Png(), kit.OfficerViewer(1));
        Assert.True(png.IsSuccess);
        Assert.Equal("task.not_found", (await upload.HandleAsync(files, taskId, "x.png", Png(), kit.OfficerViewer(2))).Error!.Code);

        await using var fresh = store.Fresh();
        var stored = await fresh.EvidenceFiles.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["application/pdf", "image/png"], stored.Select(e => e.ContentType));
        Assert.Null(stored[0].ThumbnailSha256);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Another_officer_gets_nothing_and_a_tampered_file_is_refused(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var taskId = await kit.ComplaintTaskAsync(0, 1);
        var files = new EvidenceStore(_root);
        var bytes = Png();
        var id = (await new UploadEvidence.Handler(store.Db, store.Audit, store.Clock).HandleAsync(files, taskId, "a.png", bytes, kit.OfficerViewer(0))).Value;
        var open = new OpenEvidence.Handler(store.Db, store.Audit);

        var outsider = await open.HandleAsync(files, id, thumbnail: false, kit.OfficerViewer(3));
        Assert.Equal(ErrorKind.NotFound, outsider.Error!.Kind);
        Assert.Empty(await new ListEvidence.Handler(store.Db).HandleAsync(taskId, kit.OfficerViewer(3)));
        Assert.Equal(bytes, (await open.HandleAsync(files, id, thumbnail: false, kit.OfficerViewer(1))).Value.Bytes);

        var sha = EvidenceStore.Hash(bytes);
        var path = files.PathOf(sha);
        var tampered = (byte[])bytes.Clone();
        tampered[^5] ^= 0xFF;
        await File.WriteAllBytesAsync(path, tampered);
        var refused = await open.HandleAsync(files, id, thumbnail: false, TaskKit.Reviewer);
        Assert.Equal("evidence.tampered", refused.Error!.Code);
        await using var fresh = store.Fresh();
        var alert = await fresh.AuditEntries.OrderByDescending(e => e.Seq).FirstAsync();
        Assert.Equal(("EVIDENCE_INTEGRITY_FAILED", "reviewer"), (alert.Type, alert.Actor));
        Assert.Contains(sha, alert.Payload);
    }
}
