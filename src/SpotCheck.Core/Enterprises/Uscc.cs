using SpotCheck.Core.Common;

namespace SpotCheck.Core.Enterprises;

/// <summary>统一社会信用代码 (GB 32100-2015), parsed once at the edge; domain.md §5 gives the validation order.</summary>
public readonly record struct Uscc
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    static readonly int[] OrganizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    static readonly Dictionary<char, string> AllowedCategories = new()
    {
        ['1'] = "1239", ['2'] = "19", ['3'] = "123459", ['4'] = "19", ['5'] = "1239", ['6'] = "129",
        ['7'] = "129", ['8'] = "19", ['9'] = "123", ['A'] = "19", ['N'] = "1239", ['Y'] = "1",
    };

    Uscc(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Validates and normalises; the error message (zh-CN) names the expected check character when only it is wrong.</summary>
    public static Result<Uscc> Parse(string? input)
    {
        var code = (input ?? "").Trim().ToUpperInvariant();
        if (code.Length == 0) return Invalid("uscc.required", "统一社会信用代码不能为空");
        if (code.Length != 18) return Invalid("uscc.length", $"统一社会信用代码应为18位，实际为{code.Length}位");
        for (var i = 0; i < code.Length; i++)
        {
            if (Alphabet.IndexOf(code[i], StringComparison.Ordinal) < 0)
                return Invalid("uscc.alphabet", $"第{i + 1}位字符“{code[i]}”不允许（不得使用 I、O、Z、S、V 及其他非代码字符）");
        }
        if (!AllowedCategories.TryGetValue(code[0], out var categories))
            return Invalid("uscc.department", $"第1位登记管理部门代码“{code[0]}”无效");
        if (!categories.Contains(code[1], StringComparison.Ordinal))
            return Invalid("uscc.category", $"第1、2位组合“{code[..2]}”无效（登记管理部门{code[0]}下无机构类别{code[1]}）");
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
                return Invalid("uscc.region", $"第3–8位行政区划码应为6位数字，实际为“{code[2..8]}”");
        }
        var expected = CheckCharacter(code.AsSpan(0, 17));
        if (code[17] != expected)
            return Invalid("uscc.check", $"校验码错误：第18位应为“{expected}”，实际为“{code[17]}”");
        return new Uscc(code);
    }

    public static bool IsValid(string? input) => Parse(input).IsSuccess;

    /// <summary>The region code of the registering authority (positions 3–8).</summary>
    public string RegionCode => Value.Substring(2, 6);

    /// <summary>GB 11714 inner check of positions 9–17; domain.md §5 treats a mismatch as a warning only.</summary>
    public string? Warning => OrganizationCodeCheck(Value.AsSpan(8, 8)) is var c && c == Value[16]
        ? null
        : $"主体标识码（第9–17位）的组织机构代码校验位应为“{OrganizationCodeCheck(Value.AsSpan(8, 8))}”（仅提示）";

    /// <summary>Builds a valid code from prefix (pos. 1–2), region (3–8) and the 8-character organisation body (9–16).</summary>
    public static Uscc Compose(string prefix, string region, string organizationBody)
    {
        var first17 = prefix + region + organizationBody + OrganizationCodeCheck(organizationBody);
        var result = Parse(first17 + CheckCharacter(first17));
        return result.IsSuccess ? result.Value : throw new ArgumentException(result.Error!.Message);
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>GB 11714: weights 3,7,9,10,5,8,4,2; letters count as 10–35; mod 11; 10 → X, 11 → 0.</summary>
    public static char OrganizationCodeCheck(ReadOnlySpan<char> body8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * OrganizationCodeWeights[i];
        }
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }

    static Error Invalid(string code, string message) => new(code, message, "Uscc");
}
