using System.Diagnostics;
using System.Text;

namespace SpotCheck.Tests.TestSupport;

/// <summary>
/// Opens a file the way a user's office suite would, with LibreOffice headless and a private profile: a spreadsheet
/// (csv or xlsx) comes back as its first sheet saved as UTF-8 csv, a Word document as a PDF. A csv is opened as UTF-8
/// (the import dialog's choice for a file with a byte order mark): headless LibreOffice 7.4 would otherwise take the
/// system charset and ignore the BOM.
/// </summary>
static class LibreOffice
{
    public static async Task<string> ReadAsCsvAsync(string file)
    {
        var infilter = "--infilter=" + (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "CSV:44,34,76,1" : "Calc MS Excel 2007 XML");
        return await ConvertAsync(file, [infilter, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76"], ".csv",
            converted => File.ReadAllTextAsync(converted, Encoding.UTF8));
    }

    /// <summary>A .docx printed to PDF, then read back as text with poppler's pdftotext: what survives into print.</summary>
    public static async Task<string> DocxAsPdfTextAsync(string docx, string pdfCopy)
    {
        var pdftotext = RequiredTools.Pdftotext();
        return await ConvertAsync(docx, ["--convert-to", "pdf"], ".pdf", async pdf =>
        {
            File.Copy(pdf, pdfCopy, overwrite: true);
            return await RunAsync(pdftotext, ["-layout", pdf, "-"]);
        });
    }

    static async Task<string> ConvertAsync(string file, IReadOnlyList<string> conversion, string extension, Func<string, Task<string>> read)
    {
        var soffice = RequiredTools.Soffice();
        var work = Path.Combine(Path.GetTempPath(), "spotcheck-soffice", Guid.NewGuid().ToString("N"));
        var output = Path.Combine(work, "out");
        Directory.CreateDirectory(output);
        try
        {
            string[] arguments = ["--headless", "--norestore", $"-env:UserInstallation=file://{work}/profile", .. conversion, "--outdir", output, file];
            var converted = Path.Combine(output, Path.GetFileNameWithoutExtension(file) + extension);
            // soffice exits 0 even when it cannot load the file (e.g. Calc missing); what it printed says why.
            var said = await RunAsync(soffice, arguments, mergeStderr: true);
            Assert.True(File.Exists(converted), $"soffice converted nothing into {converted}: {said}");
            return await read(converted);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Runs a tool to its end (three minutes at most) and returns its standard output; a failure fails the test.</summary>
    static async Task<string> RunAsync(string executable, IReadOnlyList<string> arguments, bool mergeStderr = false)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(executable)} exited {process.ExitCode}: {await stderr}");
        return mergeStderr ? await stdout + await stderr : await stdout;
    }
}
