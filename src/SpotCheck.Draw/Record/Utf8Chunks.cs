using System.Buffers;
using System.Text;

namespace SpotCheck.Draw.Record;

/// <summary>
/// A text's UTF-8 bytes handed out a quarter of a megabyte at a time from a pooled buffer: hashing or deflating a
/// 30 MB snapshot file then needs no 30 MB array, whose fresh pages cost more to touch than the work itself.
/// </summary>
public static class Utf8Chunks
{
    const int CharsPerChunk = 1 << 18;

    public static void Write(string text, Action<ReadOnlySpan<byte>> write)
    {
        var encoder = Encoding.UTF8.GetEncoder();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(CharsPerChunk));
        try
        {
            var chars = text.AsSpan();
            do
            {
                var take = Math.Min(CharsPerChunk, chars.Length);
                // The encoder keeps a surrogate pair split across two chunks whole; the last chunk flushes it.
                encoder.Convert(chars[..take], buffer, flush: take == chars.Length, out var used, out var written, out _);
                write(buffer.AsSpan(0, written));
                chars = chars[used..];
            }
            while (chars.Length > 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
