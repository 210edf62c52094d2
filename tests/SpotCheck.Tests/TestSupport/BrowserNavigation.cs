using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SpotCheck.Tests.TestSupport;

public static class BrowserNavigation
{
    /// <summary>
    /// Waits until the page shows the URL (a glob: ** any text, * any text without a slash) and its document is
    /// complete. Page.WaitForURLAsync now and then missed a navigation or a load event that arrived while it was
    /// subscribing (seen under CPU load in CI: the page had loaded, the wait ran out); both checks here poll instead.
    /// </summary>
    public static async Task ArrivedAtAsync(this IPage page, string glob)
    {
        await Assertions.Expect(page).ToHaveURLAsync(GlobToRegex(glob), new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("document.readyState === 'complete'", null, new() { Timeout = 30_000 });
    }

    /// <summary>As <see cref="ArrivedAtAsync(IPage, string)"/> for a URL pattern that is a regular expression.</summary>
    public static async Task ArrivedAtAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("document.readyState === 'complete'", null, new() { Timeout = 30_000 });
    }

    // No RegexOptions: Playwright hands the pattern to the browser, which takes only the flags JavaScript knows.
    internal static Regex GlobToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] != '*') pattern.Append(Regex.Escape(glob[i].ToString()));
            else if (i + 1 < glob.Length && glob[i + 1] == '*') { pattern.Append(".*"); i++; }
            else pattern.Append("[^/]*");
        }
        return new Regex(pattern.Append('$').ToString());
    }
}
