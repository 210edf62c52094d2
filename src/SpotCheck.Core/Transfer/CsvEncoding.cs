using System.Text;
using System.Text.Unicode;

namespace SpotCheck.Core.Transfer;

/// <summary>
/// The encoding of an uploaded csv (SPEC §4): a UTF-8 BOM, else UTF-8 when every byte of the file is valid UTF-8, else
/// GB18030, which is what Excel on Chinese Windows writes for “CSV（逗号分隔）”. <see cref="InvalidLine"/> is the first
/// line with invalid bytes of a file that declares UTF-8 by its BOM.
/// </summary>
public sealed record CsvEncoding(Encoding Encoding, string Name, string Note, int PreambleLength = 0, long? InvalidLine = null)
{
    static readonly CsvEncoding BomUtf8 = new(new UTF8Encoding(false, throwOnInvalidBytes: true), "UTF-8", "文件编码：UTF-8（带 BOM）", 3);
    static readonly CsvEncoding PlainUtf8 = new(new UTF8Encoding(false, throwOnInvalidBytes: true), "UTF-8", "文件编码：UTF-8");
    static readonly CsvEncoding Gb18030 = new(
        CodePagesEncodingProvider.Instance.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
            ?? throw new InvalidOperationException("GB18030 (code page 54936) is not available"),
        "GB18030", "文件编码：GB18030（文件不是有效的 UTF-8，已按简体中文 Windows 保存 csv 时所用的 GB18030 读取）");

    /// <summary>Reads the whole stream once (vectorised validation, no decoding) and rewinds it.</summary>
    public static CsvEncoding Detect(Stream stream)
    {
        var start = stream.Position;
        try
        {
            var buffer = new byte[1 << 16];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var bom = buffer.AsSpan(0, length).StartsWith(Encoding.UTF8.Preamble);
            var from = bom ? 3 : 0;
            long lines = 0;
            while (length > from)
            {
                var complete = length == buffer.Length ? CompleteLength(buffer) : length;
                var span = buffer.AsSpan(from, complete - from);
                if (!Utf8.IsValid(span)) return bom ? BomUtf8 with { InvalidLine = lines + LineOfFirstInvalidByte(span) } : Gb18030;
                lines += span.Count((byte)'\n');
                var carry = length - complete;
                buffer.AsSpan(complete, carry).CopyTo(buffer);
                length = carry + stream.ReadAtLeast(buffer.AsSpan(carry), buffer.Length - carry, throwOnEndOfStream: false);
                from = 0;
                if (length == carry && carry > 0) return bom ? BomUtf8 with { InvalidLine = lines + 1 } : Gb18030; // ends inside a sequence
            }
            return bom ? BomUtf8 : PlainUtf8;
        }
        finally
        {
            stream.Position = start;
        }
    }

    static long LineOfFirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        Utf8.ToUtf16(bytes, new char[bytes.Length], out var valid, out _, replaceInvalidSequences: false);
        return bytes[..valid].Count((byte)'\n') + 1;
    }

    /// <summary>The length up to the start of a multi-byte sequence cut off by the end of the buffer.</summary>
    static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var i = bytes.Length - 1; i >= 0 && i >= bytes.Length - 3; i--)
        {
            var b = bytes[i];
            if ((b & 0xC0) == 0x80) continue; // continuation byte: look further back for its lead byte
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return i + needed > bytes.Length ? i : bytes.Length;
        }
        return bytes.Length;
    }
}

/// <summary>A csv with bytes its encoding cannot decode: a UTF-8 BOM followed by invalid UTF-8, or invalid GB18030.</summary>
public sealed class UndecodableCsvException(CsvEncoding encoding) : IOException(encoding.InvalidLine is { } line
    ? $"文件带有 UTF-8 标记（BOM），但第{line}行含有无效的 UTF-8 字节，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新导入"
    : "文件编码无法识别：既不是有效的 UTF-8，也不是有效的 GB18030，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新导入")
{
    public CsvEncoding Encoding { get; } = encoding;
}
