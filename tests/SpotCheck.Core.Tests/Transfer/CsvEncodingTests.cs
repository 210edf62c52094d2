using System.Text;
using SpotCheck.Core.Transfer;
using SpotCheck.TestFiles;

namespace SpotCheck.Core.Tests.Transfer;

public sealed class CsvEncodingTests
{
    static CsvEncoding Detect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var encoding = CsvEncoding.Detect(stream);
        Assert.Equal(0, stream.Position);
        return encoding;
    }

    [Fact]
    public void Excel_csv_from_Chinese_Windows_is_read_as_GB18030()
    {
        var bytes = ClerkFiles.Gb18030.GetBytes("统一社会信用代码,名称\r\n91411721DM0000013R,西平县示例有限公司\r\n");
        var encoding = Detect(bytes);
        Assert.Equal("GB18030", encoding.Name);
        Assert.Contains("GB18030", encoding.Note);
        using var stream = new MemoryStream(bytes);
        Assert.Equal(new string?[] { "91411721DM0000013R", "西平县示例有限公司" }, CsvRows.Read(stream, encoding.Encoding).Last());
    }

    [Fact]
    public void Utf8_with_or_without_bom_is_read_as_utf8()
    {
        Assert.Equal("文件编码：UTF-8（带 BOM）", Detect([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("名称\n")]).Note);
        Assert.Equal("文件编码：UTF-8", Detect(Encoding.UTF8.GetBytes("名称\n")).Note);
        Assert.Equal("文件编码：UTF-8", Detect([]).Note);
    }

    [Fact]
    public void A_character_split_across_read_buffers_is_still_valid_utf8()
    {
        for (var shift = 0; shift < 3; shift++)
        {
            var text = new string('a', (1 << 16) - 1 - shift) + string.Concat(Enumerable.Repeat("西平县", 30000));
            Assert.Equal("UTF-8", Detect(Encoding.UTF8.GetBytes(text)).Name);
        }
    }

    [Fact]
    public void One_invalid_byte_deep_in_the_file_makes_it_GB18030()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 200_000) + "西平县");
        Assert.Equal("GB18030", Detect([.. bytes, 0xC4, 0x0A]).Name);
        Assert.Equal("GB18030", Detect(bytes[..^1]).Name); // ends inside a sequence
    }
}
