using System.Diagnostics;
using System.Text;

namespace SpotCheck.Tests.TestSupport;

/// <summary>
/// Opens a spreadsheet file (csv or xlsx) the way a user's office suite would, with LibreOffice headless and a private
/// profile, and returns its first sheet saved as UTF-8 csv. A csv is opened as UTF-8 (the import dialog's choice for a
/// file with a byte order mark): headless LibreOffice 7.4 would otherwise take the system charset and ignore the BOM.
/// </summary>
static class LibreOffice
{
    public static async Task<string> ReadAsCsvAsync(string file)
    {
        var work = Path.Combine(Path.GetTempPath(), "spotcheck-soffice", Guid.NewGuid().ToString("N"));
        var output = Path.Combine(work, "out");
        Directory.CreateDirectory(output);
        try
        {
            var start = new ProcessStartInfo("soffice")
            {
                ArgumentList =
                {
                    "--headless", "--norestore", $"-env:UserInstallation=file://{work}/profile",
                    "--infilter=" + (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "CSV:44,34,76,1" : "Calc MS Excel 2007 XML"),
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", output, file,
                },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            var converted = Path.Combine(output, Path.GetFileNameWithoutExtension(file) + ".csv");
            Assert.True(File.Exists(converted), $"soffice converted nothing (exit {process.ExitCode}): {await stdout} {await stderr}");
            return await File.ReadAllTextAsync(converted, Encoding.UTF8);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
