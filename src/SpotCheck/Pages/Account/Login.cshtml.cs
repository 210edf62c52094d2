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
        [StringLength(256, ErrorMessage = "用户名过长")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请输入密码")]
        [StringLength(1024, ErrorMessage = "密码过长")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromServices] PasswordSignIn.Handler check, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var result = await check.HandleAsync(new PasswordSignIn.Command(Input.UserName, Input.Password,
            HttpContext.Connection.RemoteIpAddress?.ToString()), ct);
        if (!result.IsSuccess)
        {
            log.LogInformation("Failed sign-in");
            ModelState.AddModelError("", result.Error!.Message);
            return Page();
        }
        await signIn.SignInAsync(result.Value, isPersistent: false);
        log.LogInformation("User {UserName} signed in", result.Value.UserName);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Staff");
    }
}
