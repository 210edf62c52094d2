using System.Text;
using SpotCheck.Core.Transfer;

namespace SpotCheck.Core.Tests.Transfer;

public sealed class CsvRowsTests
{
    static List<string?[]> Read(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using var stream = new MemoryStream(bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
        return [.. CsvRows.Read(stream)];
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var rows = Read("a,\"b, \"\"c\"\"\",\"x\r\ny\"\r\n1,,\"\"\n", bom: true);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new string?[] { "a", "b, \"c\"", "x\r\ny" }, rows[0]);
        Assert.Equal(new string?[] { "1", null, "" }, rows[1]);
    }

    [Fact]
    public void Last_record_without_line_break_and_blank_lines_are_kept_as_rows()
    {
        var rows = Read("h1,h2\n\nv1,v2");
        Assert.Equal(3, rows.Count);
        Assert.Empty(rows[1]);
        Assert.Equal(new string?[] { "v1", "v2" }, rows[2]);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        using var stream = new MemoryStream([0x61, 0x2C, 0xC4, 0xE3, 0x0A]); // "a," + GBK 你
        Assert.Throws<DecoderFallbackException>(() => CsvRows.Read(stream).ToList());
    }
}
