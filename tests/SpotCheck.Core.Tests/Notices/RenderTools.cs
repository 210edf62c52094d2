using System.Diagnostics;

namespace SpotCheck.Core.Tests.Notices;

/// <summary>
/// LibreOffice headless (docx → PDF, each run with a private profile so parallel conversions never share one) and
/// poppler's pdftoppm (PDF page → PNG: the Debian -nogui LibreOffice has no PNG export for Writer documents).
/// .ci/run installs both; SPOTCHECK_SOFFICE / SPOTCHECK_PDFTOPPM override the PATH lookup.
/// </summary>
static class RenderTools
{
    public static string? Soffice { get; } = Find("SPOTCHECK_SOFFICE", "soffice");
    public static string? Pdftoppm { get; } = Find("SPOTCHECK_PDFTOPPM", "pdftoppm");

    static string? Find(string variable, string name)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured) return configured;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>Converts each .docx to a PDF beside it in <paramref name="outDir"/>.</summary>
    public static async Task ToPdfAsync(string outDir, params string[] docx)
    {
        var profile = Path.Combine(Path.GetTempPath(), "spotcheck-soffice-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RunAsync(Soffice ?? throw Missing("soffice", "libreoffice-writer-nogui"),
                ["--headless", "--norestore", "-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--convert-to", "pdf", "--outdir", outDir, .. docx]);
        }
        finally
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
        foreach (var d in docx)
        {
            var pdf = Path.Combine(outDir, Path.GetFileNameWithoutExtension(d) + ".pdf");
            Assert.True(File.Exists(pdf), $"soffice wrote no {pdf}");
        }
    }

    /// <summary>Page 1 of the PDF as <paramref name="png"/>.</summary>
    public static async Task FirstPageToPngAsync(string pdf, string png)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(png)!, Path.GetFileNameWithoutExtension(png));
        await RunAsync(Pdftoppm ?? throw Missing("pdftoppm", "poppler-utils"), ["-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
        Assert.True(File.Exists(png), $"pdftoppm wrote no {png}");
    }

    static InvalidOperationException Missing(string tool, string package) =>
        new($"{tool} is not installed: .ci/run installs {package}");

    static async Task RunAsync(string executable, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(executable)} exited {process.ExitCode}: {await stdout} {await stderr}");
    }
}

/// <summary>
/// A test that needs LibreOffice and poppler: skipped on a developer machine without them, but run (and failed) in CI,
/// where .ci/run installs them and CI=true.
/// </summary>
public sealed class RenderFactAttribute : FactAttribute
{
    public RenderFactAttribute()
    {
        if ((RenderTools.Soffice is null || RenderTools.Pdftoppm is null) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "LibreOffice (soffice) or poppler (pdftoppm) is not installed; CI installs both";
    }
}
