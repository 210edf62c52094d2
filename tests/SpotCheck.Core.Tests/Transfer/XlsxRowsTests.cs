using SpotCheck.Core.Transfer;
using SpotCheck.TestFiles;

namespace SpotCheck.Core.Tests.Transfer;

public sealed class XlsxRowsTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("spotcheck-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    List<XlsxRows.Row> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return [.. XlsxRows.Read(stream)];
    }

    [Fact]
    public void Excel_date_cells_with_year_month_day_formats_are_dates_and_numbers_stay_numbers()
    {
        var day = new DateOnly(2028, 3, 1);
        var path = ClerkFiles.Xlsx(Path.Combine(_dir, "dates.xlsx"), "西平县执法检查人员名录（2026年）", ["a", "b", "c", "d", "e"],
        [
            [new ExcelDate(day), new ExcelDate(day, ExcelDateFormat.ChineseBuiltIn31), new ExcelDate(day, ExcelDateFormat.ShortDate14),
                new ExcelNumber(411721), "2028年3月1日"],
            [null, null, "x"],
        ]);

        var rows = Read(path);

        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Number));
        Assert.Equal("西平县执法检查人员名录（2026年）", Assert.Single(rows[0].Cells));
        Assert.Equal(["a", "b", "c", "d", "e"], rows[1].Cells);
        Assert.Equal([day, day, day, 411721d, "2028年3月1日"], rows[2].Cells);
        Assert.Equal([null, null, "x"], rows[3].Cells);
    }

    [Fact]
    public void A_file_written_by_MiniExcel_reads_back_as_text()
    {
        var path = Path.Combine(_dir, "mini.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(path, new[] { new Dictionary<string, object> { ["统一社会信用代码"] = "914117210000000001", ["名称"] = "=1+1" } });

        var rows = Read(path);

        Assert.Equal(["统一社会信用代码", "名称"], rows[0].Cells);
        Assert.Equal(["914117210000000001", "=1+1"], rows[1].Cells);
    }

    [Theory]
    [InlineData("yyyy\"年\"m\"月\"d\"日\";@", true)]
    [InlineData("[$-F800]dddd, mmmm dd, yyyy", true)]
    [InlineData("m/d/yy", true)]
    [InlineData("yyyy/m/d h:mm", true)]
    [InlineData("0.00", false)]
    [InlineData("General", false)]
    [InlineData("h:mm:ss", false)]
    [InlineData("\"第\"0\"日\"", false)]
    [InlineData("@", false)]
    public void Custom_formats_showing_a_day_are_dates(string code, bool isDate) => Assert.Equal(isDate, XlsxRows.IsDateFormat(code));
}
