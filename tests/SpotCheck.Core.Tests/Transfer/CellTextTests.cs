using SpotCheck.Core.Transfer;

namespace SpotCheck.Core.Tests.Transfer;

public sealed class CellTextTests
{
    [Theory]
    [InlineData("2028-03-01")]
    [InlineData("2028-3-1")]
    [InlineData("2028/3/1")]
    [InlineData("2028/03/01")]
    [InlineData("2028.3.1")]
    [InlineData("2028年3月1日")]
    [InlineData("2028年03月01日")]
    [InlineData("2028 年 3 月 1 日")]
    [InlineData("２０２８年３月１日")]
    [InlineData("20280301")]
    [InlineData(" 2028/3/1 0:00 ")]
    public void Dates_are_read_in_the_forms_clerks_write(string text) =>
        Assert.Equal(new DateOnly(2028, 3, 1), CellText.Date(text, "证件有效期至").Value);

    [Theory]
    [InlineData("2028/13/1")]
    [InlineData("2027-02-29")]
    [InlineData("2028-3/1")]
    [InlineData("28/3/1")]
    [InlineData("明年三月")]
    [InlineData("46813")]
    public void A_refused_date_is_echoed_in_the_message(string text)
    {
        var result = CellText.Date(text, "生效日期");
        Assert.False(result.IsSuccess);
        Assert.Equal($"生效日期“{text}”不是有效日期，应写作 2028-03-01、2028/3/1 或 2028年3月1日", result.Error!.Message);
    }

    [Theory]
    [InlineData("９１４１１７２１ＤＭ０００００１３Ｒ", "91411721DM0000013R")]
    [InlineData("ＸＰ－ＯＦＦ－０１", "XP-OFF-01")]
    [InlineData("　０３９６－１２３４５６７　", "0396-1234567")]
    [InlineData("豫ＤＥＭＯ-411721-0001", "豫DEMO-411721-0001")]
    [InlineData("XP-OFF-01", "XP-OFF-01")]
    public void Full_width_letters_and_digits_in_codes_become_half_width(string text, string expected) =>
        Assert.Equal(expected, CellText.Code(text, "人员编号").Value);

    [Theory]
    [InlineData("XP-OFF-①", "①")]
    [InlineData("0396²", "²")]
    [InlineData("XP-OFF-Ⅲ", "Ⅲ")]
    public void Other_compatibility_characters_are_refused_with_a_message_about_full_width(string text, string offending)
    {
        var result = CellText.Code(text, "人员编号");
        Assert.False(result.IsSuccess);
        Assert.Contains($"“{offending}”", result.Error!.Message);
        Assert.Contains("全角", result.Error.Message);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+86 0396", "'+86 0396")]
    [InlineData("-1号", "'-1号")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("'=x", "''=x")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("西平县", "西平县")]
    [InlineData("", "")]
    public void Formula_escape_is_exactly_undone_on_import(string value, string escaped)
    {
        Assert.Equal(escaped, CellText.EscapeFormula(value));
        Assert.Equal(value, CellText.UnescapeFormula(escaped));
    }
}
