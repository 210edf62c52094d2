using Microsoft.Playwright;

namespace SpotCheck.Tests.TestSupport;

/// <summary>The Debian Chromium (or SPOTCHECK_CHROMIUM), headless; browsers are never downloaded.</summary>
public static class TestBrowser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("SPOTCHECK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"],
    });
}
