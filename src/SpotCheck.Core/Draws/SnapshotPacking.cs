using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SpotCheck.Draw.Record;

namespace SpotCheck.Core.Draws;

/// <summary>
/// How a snapshot file is stored: its UTF-8 bytes, deflated when large. A million-member population.tsv is 23 MB of
/// text and about 5 MB deflated, which PostgreSQL and SQLite write and read back in a fraction of the time; a file of
/// a few lines stays as plain UTF-8, readable with any database tool. A packed file starts with a byte no snapshot
/// file can start with (every line starts with an id), so rows stored as text before packing existed read as they are.
/// </summary>
public static class SnapshotPacking
{
    /// <summary>Files smaller than this are stored as plain UTF-8.</summary>
    public const int PackFrom = 64 * 1024;

    const byte Deflated = 0x01;

    /// <summary>zlib level 3: as quick to write as level 1 and a third smaller, which also makes it quicker to read.</summary>
    const int Level = 3;

    /// <summary>Marker, then the UTF-8 length (4 bytes, little-endian), then the deflated bytes.</summary>
    const int HeaderLength = 5;

    public static byte[] Pack(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        if (length < PackFrom) return Encoding.UTF8.GetBytes(text);
        using var packed = new MemoryStream(length / 4);
        Span<byte> header = stackalloc byte[HeaderLength];
        header[0] = Deflated;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], length);
        packed.Write(header);
        using (var deflate = new DeflateStream(packed, new ZLibCompressionOptions { CompressionLevel = Level }, leaveOpen: true))
            Utf8Chunks.Write(text, bytes => deflate.Write(bytes));
        return packed.ToArray();
    }

    public static string Unpack(byte[] stored)
    {
        if (stored.Length == 0 || stored[0] != Deflated) return Encoding.UTF8.GetString(stored);
        var utf8 = new byte[BinaryPrimitives.ReadInt32LittleEndian(stored.AsSpan(1))];
        using var deflate = new DeflateStream(new MemoryStream(stored, HeaderLength, stored.Length - HeaderLength), CompressionMode.Decompress);
        deflate.ReadExactly(utf8);
        return Encoding.UTF8.GetString(utf8);
    }
}
