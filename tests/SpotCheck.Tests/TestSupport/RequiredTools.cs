using Microsoft.Playwright;

namespace SpotCheck.Tests.TestSupport;

/// <summary>
/// Programs that .ci/run installs. Missing on a developer's machine the test is skipped (visibly); missing in CI
/// (<c>CI=true</c>) the test fails, so a broken install step cannot hide behind skipped tests.
/// </summary>
public static class RequiredTools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Debian Chromium (or <c>SPOTCHECK_CHROMIUM</c>); Playwright never downloads a browser here.</summary>
    public static string Chromium() =>
        Require("Chromium", Environment.GetEnvironmentVariable("SPOTCHECK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium");

    /// <summary>LibreOffice's <c>soffice</c> on the PATH.</summary>
    public static string Soffice() =>
        Require("LibreOffice (soffice)", (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "soffice")).FirstOrDefault(File.Exists) ?? "soffice");

    /// <summary>Poppler's <c>pdftotext</c>.</summary>
    public static string Pdftotext() => Require("pdftotext (poppler-utils)", "/usr/bin/pdftotext");

    /// <summary>Headless Chromium with the flags every browser test uses.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium(),
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });

    static string Require(string name, string path)
    {
        if (File.Exists(path)) return path;
        if (InCi) throw new InvalidOperationException($"{name} is not installed at {path}, and CI must run this test");
        Skip.If(true, $"{name} is not installed at {path}");
        return path;
    }
}
