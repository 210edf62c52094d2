namespace SpotCheck.Core.Evidence;

/// <summary>One evidence file attached to a task's record. The bytes live in the <see cref="EvidenceStore"/>.</summary>
public sealed class EvidenceFile : Data.IVersioned
{
    public int RowVersion { get; private set; }

    EvidenceFile() { }

    public EvidenceFile(int taskId, string sha256, string fileName, string contentType, long sizeBytes, string? thumbnailSha256,
        string? exifTakenAt, string? exifGps, string uploadedBy, DateTime uploadedAtUtc)
    {
        TaskId = taskId;
        Sha256 = sha256;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        ThumbnailSha256 = thumbnailSha256;
        ExifTakenAt = exifTakenAt;
        ExifGps = exifGps;
        UploadedBy = uploadedBy;
        UploadedAtUtc = uploadedAtUtc;
    }

    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public string Sha256 { get; private set; } = "";
    /// <summary>The uploader's file name, for display only (never used to build a path).</summary>
    public string FileName { get; private set; } = "";
    /// <summary>Detected from the leading bytes.</summary>
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string? ThumbnailSha256 { get; private set; }
    /// <summary>EXIF capture time as written by the camera (local time of the camera, no zone).</summary>
    public string? ExifTakenAt { get; private set; }
    /// <summary>EXIF position "lat,lon" in decimal degrees.</summary>
    public string? ExifGps { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }

    public bool IsImage => EvidenceKinds.IsImage(ContentType);
}
