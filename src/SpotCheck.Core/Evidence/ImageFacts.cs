using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace SpotCheck.Core.Evidence;

/// <summary>What an image tells about itself: EXIF capture time and GPS position (when present) and a thumbnail.</summary>
public static class ImageFacts
{
    public const int ThumbnailSize = 320;

    public static (string? TakenAt, string? Gps) ReadExif(byte[] bytes)
    {
        try
        {
            var dirs = ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));
            string? taken = null;
            var sub = dirs.OfType<ExifSubIfdDirectory>().FirstOrDefault();
            if (sub is not null && sub.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var t))
                taken = t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            else if (dirs.OfType<ExifIfd0Directory>().FirstOrDefault() is { } ifd0 && ifd0.TryGetDateTime(ExifDirectoryBase.TagDateTime, out var t0))
                taken = t0.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            string? gps = null;
            var gpsDir = dirs.OfType<GpsDirectory>().FirstOrDefault();
            if (gpsDir is not null && gpsDir.GetGeoLocation() is { IsZero: false } loc)
                gps = string.Create(CultureInfo.InvariantCulture, $"{loc.Latitude:F6},{loc.Longitude:F6}");
            return (taken, gps);
        }
        catch (Exception e) when (IsBadInput(e))
        {
            return (null, null);
        }
    }

    /// <summary>A JPEG at most <see cref="ThumbnailSize"/> pixels on its longer side; null when the image cannot be decoded.</summary>
    public static byte[]? Thumbnail(byte[] bytes)
    {
        try
        {
            using var image = Image.Load(bytes);
            image.Mutate(x => x.AutoOrient().Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(ThumbnailSize, ThumbnailSize) }));
            using var output = new MemoryStream();
            image.Save(output, new JpegEncoder { Quality = 80 });
            return output.ToArray();
        }
        catch (Exception e) when (IsBadInput(e))
        {
            return null;
        }
    }

    /// <summary>
    /// Decoders of uploaded bytes fail in many ways on damaged files (ImageSharp even with a NullReferenceException
    /// on an 83-byte truncated JPEG): all of them mean "cannot be read", except running out of memory or being cancelled.
    /// </summary>
    static bool IsBadInput(Exception e) => e is not (OutOfMemoryException or OperationCanceledException);
}
