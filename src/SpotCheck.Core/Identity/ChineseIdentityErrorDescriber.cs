using Microsoft.AspNetCore.Identity;

namespace SpotCheck.Core.Identity;

/// <summary>Identity's validation messages in zh-CN; the codes stay Identity's English ones.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    static IdentityError E(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作失败");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "数据已被他人修改，请刷新后重试");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "密码不正确");
    public override IdentityError InvalidUserName(string? userName) =>
        E(nameof(InvalidUserName), $"用户名“{userName}”无效：只能包含英文字母、数字和 -._@+");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"用户名“{userName}”已存在");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"角色“{role}”无效");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"角色“{role}”已存在");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"用户已具有角色“{role}”");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"用户不具有角色“{role}”");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"密码至少需要 {length} 个字符");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        E(nameof(PasswordRequiresUniqueChars), $"密码至少需要 {uniqueChars} 个不同的字符");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密码必须包含至少一个符号");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密码必须包含至少一个数字");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密码必须包含至少一个小写字母");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密码必须包含至少一个大写字母");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "该用户未启用锁定");
}
