using System.Diagnostics;
using System.Text;

namespace SpotCheck.Tests.TestSupport;

/// <summary>
/// Opens a spreadsheet file (csv or xlsx) the way a user's office suite would, with LibreOffice headless and a private
/// profile, and returns its first sheet saved as UTF-8 csv. The csv is opened without naming its encoding: the file's
/// byte order mark must be enough.
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
