using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SpotCheck.Draw.Json;

namespace SpotCheck.Draw.Tests.Json;

public sealed class JcsTests
{
    const string Spec105 =
        "{\"actor\":\"organizer\",\"drawId\":\"EX-2026-001\",\"payload\":{\"item\":\"食品销售\\\"双随机\\\"抽查\",\"k\":2}," +
        "\"prev\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"seq\":1," +
        "\"ts\":\"2026-03-02T01:30:00.000Z\",\"type\":\"PLAN\"}";

    [Fact]
    public void Spec_10_5_entry_is_canonicalised_to_231_bytes_with_the_published_hash()
    {
        var entry = new JsonObject
        {
            ["type"] = "PLAN", ["seq"] = 1, ["ts"] = "2026-03-02T01:30:00.000Z", ["prev"] = new string('0', 64),
            ["payload"] = new JsonObject { ["k"] = 2, ["item"] = "食品销售\"双随机\"抽查" },
            ["drawId"] = "EX-2026-001", ["actor"] = "organizer",
        };
        var bytes = Jcs.SerializeToUtf8Bytes(entry);
        Assert.Equal(Spec105, Encoding.UTF8.GetString(bytes));
        Assert.Equal(231, bytes.Length);
        Assert.Equal("2a1b11ffe15b0a0ebb025a1b08bf5936e980dfafa61cb2b40de029ae86865799", Hex.Lower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void Parsed_text_with_whitespace_and_other_key_order_gives_the_same_form()
    {
        var parsed = JsonNode.Parse("{ \"seq\": 1, \"type\":\"PLAN\", \"ts\":\"2026-03-02T01:30:00.000Z\", \"actor\":\"organizer\"," +
                                    " \"drawId\":\"EX-2026-001\", \"payload\": {\"k\": 2, \"item\": \"食品销售\\u0022双随机\\\"抽查\"}," +
                                    " \"prev\": \"" + new string('0', 64) + "\" }");
        Assert.Equal(Spec105, Jcs.Serialize(parsed));
    }

    [Fact]
    public void Only_quote_backslash_and_control_characters_are_escaped()
    {
        var s = "a\"b\\c\b\t\n\f\r\u0001\u001f/é中😀\u007f";
        Assert.Equal("\"a\\\"b\\\\c\\b\\t\\n\\f\\r\\u0001\\u001f/é中😀\u007f\"", Jcs.Serialize(JsonValue.Create(s)));
    }

    [Fact]
    public void Keys_sort_by_utf16_code_units_not_by_culture_or_code_point()
    {
        // U+FF21 (full-width A) sorts after U+D83D (high surrogate of the emoji) by code unit, before it by code point.
        var o = new JsonObject { ["b"] = 1, ["Ａ"] = 2, ["😀"] = 3, ["a"] = 4, ["B"] = 5, ["é"] = 6, ["aa"] = 7, [""] = 8 };
        Assert.Equal("{\"\":8,\"B\":5,\"a\":4,\"aa\":7,\"b\":1,\"é\":6,\"😀\":3,\"Ａ\":2}", Jcs.Serialize(o));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("9007199254740991", "9007199254740991")]
    [InlineData("-9007199254740991", "-9007199254740991")]
    [InlineData("2.0", "2")]
    [InlineData("1e3", "1000")]
    public void Integers_are_written_in_plain_decimal(string literal, string expected) =>
        Assert.Equal("[" + expected + "]", Jcs.Serialize(JsonNode.Parse("[" + literal + "]")));

    [Theory]
    [InlineData("9007199254740992", "outside")]
    [InlineData("-9007199254740992", "outside")]
    [InlineData("1.5", "not an integer")]
    [InlineData("1e400", "out of range")]
    public void Fractions_and_out_of_range_numbers_are_rejected_naming_the_path(string literal, string reason)
    {
        var e = Assert.Throws<JcsException>(() => Jcs.Serialize(JsonNode.Parse("{\"a\":[" + literal + "]}")));
        Assert.Contains("$.a[0]", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Literals_and_code_built_values_serialise()
    {
        var o = new JsonObject { ["t"] = true, ["f"] = false, ["n"] = null, ["l"] = 42L, ["i"] = -7, ["arr"] = new JsonArray(1, "x") };
        Assert.Equal("{\"arr\":[1,\"x\"],\"f\":false,\"i\":-7,\"l\":42,\"n\":null,\"t\":true}", Jcs.Serialize(o));
    }

    [Fact]
    public void Non_string_values_that_serialise_as_strings_are_written_as_strings() =>
        Assert.Equal("[\"2026-03-02T01:30:00+00:00\"]",
            Jcs.Serialize(new JsonArray(JsonValue.Create(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero)))));

    [Fact]
    public void Lone_surrogate_is_rejected() =>
        Assert.Throws<JcsException>(() => Jcs.Serialize(JsonValue.Create("a\ud800b")));
}
