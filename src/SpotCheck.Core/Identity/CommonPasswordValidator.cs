using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace SpotCheck.Core.Identity;

/// <summary>
/// Refuses passwords that guessing tools try first: a shipped list of common passwords and base words (including
/// pinyin ones), read through simple disguises (Password123!, P@ssw0rd), keyboard and digit runs, one repeated
/// character, and passwords containing the user name. Length and character classes are Identity's own rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    static readonly HashSet<string> Common = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var reason = Weakness(password, user.UserName);
        return Task.FromResult(reason is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = reason }));
    }

    /// <summary>Why a password is too easy to guess, or null.</summary>
    public static string? Weakness(string password, string? userName)
    {
        var lower = password.ToLowerInvariant();
        if (lower.Distinct().Count() <= 2) return "密码过于简单：不能由一两个字符重复组成";
        if (userName is { Length: >= 3 } name && lower.Contains(name.ToLowerInvariant(), StringComparison.Ordinal))
            return "密码不能包含用户名";
        var core = Unleet(lower.Trim(Decoration));
        if (core.Length == 0 || Common.Contains(core) || Common.Contains(lower) || IsRun(core))
            return "密码过于常见，容易被猜中：请不要使用常见密码或在常见单词前后加数字、符号，建议使用一句话的拼音首字母加数字和符号";
        return null;
    }

    static readonly char[] Decoration = [.. "0123456789!@#$%^&*()-_=+.,;:?~`'\"/\\|[]{}<> "];

    static string Unleet(string s) => string.Concat(s.Select(c => c switch
    {
        '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's',
        _ => c,
    }));

    /// <summary>abcdefghij, qwertyuiop, lkjhgfdsa: a stretch of one keyboard or alphabet row, either way.</summary>
    static bool IsRun(string s) =>
        s.Length >= 4 && Rows.Any(row => row.Contains(s, StringComparison.Ordinal) || new string([.. row.Reverse()]).Contains(s, StringComparison.Ordinal));

    static readonly string[] Rows = ["abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

    static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SpotCheck.Core.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.Trim());
        return set;
    }
}
