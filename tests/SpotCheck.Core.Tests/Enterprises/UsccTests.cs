using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Tests.Enterprises;

public sealed class UsccTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91411721DM0000013R")]
    [InlineData(" 91411721dm0000013r ")]
    public void Valid_codes_parse_and_are_normalised(string input)
    {
        var result = Uscc.Parse(input);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(input.Trim().ToUpperInvariant(), result.Value.Value);
    }

    [Fact]
    public void Wrong_check_character_names_the_expected_one()
    {
        var result = Uscc.Parse("91411721DM0000013A");
        Assert.Equal("uscc.check", result.Error!.Code);
        Assert.Contains("应为“R”", result.Error.Message);
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void Forbidden_letters_are_refused_with_their_position(char letter)
    {
        var result = Uscc.Parse("91411721D" + letter + "0000013R");
        Assert.Equal("uscc.alphabet", result.Error!.Code);
        Assert.Contains($"第10位字符“{letter}”", result.Error.Message);
    }

    [Theory]
    [InlineData("91411721DM0000013", 17)]
    [InlineData("91411721DM0000013R0", 19)]
    public void Wrong_length_is_refused(string code, int length)
    {
        var result = Uscc.Parse(code);
        Assert.Equal("uscc.length", result.Error!.Code);
        Assert.Contains($"实际为{length}位", result.Error.Message);
    }

    [Theory]
    [InlineData("99411721DM0000013R", "uscc.category")] // 市场监管 has no category 9
    [InlineData("B1411721DM0000013R", "uscc.department")]
    [InlineData("91ABCDEFDM0000013R", "uscc.region")]
    [InlineData("", "uscc.required")]
    public void Structural_errors_are_refused_before_the_check_character(string code, string expected) =>
        Assert.Equal(expected, Uscc.Parse(code).Error!.Code);

    [Fact]
    public void Gb11714_inner_check_is_only_a_warning()
    {
        var first17 = "91411721DM0000011"; // inner check of DM000001 is 3, not 1
        var code = first17 + Uscc.CheckCharacter(first17);
        var result = Uscc.Parse(code);
        Assert.True(result.IsSuccess);
        Assert.Contains("应为“3”", result.Value.Warning);
        Assert.Null(Uscc.Parse("91350100M000100Y43").Value.Warning);
    }

    [Fact]
    public void Composed_codes_match_the_worked_examples()
    {
        Assert.Equal("91411721DM0000013R", Uscc.Compose("91", "411721", "DM000001").Value);
        Assert.Equal('4', Uscc.OrganizationCodeCheck("M000100Y"));
    }

    [Fact]
    public void Every_single_character_substitution_of_a_valid_code_is_caught()
    {
        for (var pos = 0; pos < 18; pos++)
        {
            foreach (var symbol in Uscc.Alphabet)
            {
                var code = "91411721DM0000013R".ToCharArray();
                if (code[pos] == symbol) continue;
                code[pos] = symbol;
                Assert.False(Uscc.IsValid(new string(code)), new string(code));
            }
        }
    }
}
