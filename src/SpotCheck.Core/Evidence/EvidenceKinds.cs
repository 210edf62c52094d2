namespace SpotCheck.Core.Evidence;

/// <summary>The accepted evidence types, recognised by their leading bytes, never by the file name.</summary>
public static class EvidenceKinds
{
    public const long MaxBytes = 20L * 1024 * 1024;

    public static (string ContentType, string Extension)? Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return ("image/jpeg", ".jpg");
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ("image/png", ".png");
        if (b.Length >= 5 && b[..5].SequenceEqual("%PDF-"u8)) return ("application/pdf", ".pdf");
        return null;
    }

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);
}
