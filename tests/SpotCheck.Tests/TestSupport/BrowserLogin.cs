using Microsoft.Playwright;

namespace SpotCheck.Tests.TestSupport;

public static class BrowserLogin
{
    /// <summary>Signs in through the login form, as a person would, and waits for the 工作台.</summary>
    public static async Task<IPage> SignInAsync(this IPage page, string userName)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", TestHost.Password);
        await page.ClickAsync("#login-submit");
        await page.ArrivedAtAsync("**/Staff");
        return page;
    }
}
