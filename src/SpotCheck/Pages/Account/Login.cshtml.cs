using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpotCheck.Core.Identity;

namespace SpotCheck.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, ILogger<LoginModel> log) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入用户名")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请输入密码")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.UserName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserName} signed in", Input.UserName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Staff");
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("User {UserName} is locked out", Input.UserName);
            ModelState.AddModelError("", "登录失败次数过多，账户已被临时锁定，请 15 分钟后再试或联系系统管理员。");
        }
        else
        {
            log.LogInformation("Failed sign-in for {UserName}", Input.UserName);
            ModelState.AddModelError("", "用户名或密码不正确。");
        }
        return Page();
    }
}
