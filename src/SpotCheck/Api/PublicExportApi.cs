using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using SpotCheck.Core.Data;
using SpotCheck.Core.Publication;
using SpotCheck.Hosting;

namespace SpotCheck.Api;

/// <summary>SPEC §5 open data: <c>/api/v1/public/results/export?year=Y&amp;format=csv|json</c>.</summary>
public static class PublicExportApi
{
    public static void MapPublicResultsExport(this RouteGroupBuilder pub) =>
        pub.MapGet("/results/export", ExportAsync)
            .WithSummary("抽查结果开放数据：某检查年度全部结果的当前版本，csv（UTF-8 含 BOM）或 json；字段说明见 docs/publication-exports.md");

    static async Task<Results<PhysicalFileHttpResult, ValidationProblem>> ExportAsync(int? year, string? format, AppDbContext db, OpenDataFiles files,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is not (>= 2000 and <= 2100)) errors["year"] = ["year 为必填项，应为 2000–2100 之间的检查年度"];
        var kind = (format ?? "csv").Trim().ToLowerInvariant();
        if (kind is not ("csv" or "json")) errors["format"] = ["format 应为 csv 或 json"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var path = await files.GetAsync(db, year!.Value, kind, ct);
        return TypedResults.PhysicalFile(path, kind == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
            $"spotcheck-results-{year.Value.ToString(CultureInfo.InvariantCulture)}.{kind}");
    }
}

/// <summary>
/// The open-data files as served: written once per year, format and state of the platform (the audit head's seq) under
/// &lt;DataDir&gt;/open-data, then served from disk; one request writes while the others wait for it. Files go to a
/// temporary name first, so a crash never leaves a partial file behind.
/// </summary>
public sealed class OpenDataFiles(Storage storage, IServiceScopeFactory scopes)
{
    readonly ConcurrentDictionary<string, Lazy<Task>> _writing = new();

    public async Task<string> GetAsync(AppDbContext db, int year, string format, CancellationToken ct)
    {
        var generation = (await PublicTotals.GenerationAsync(db, ct)).ToString(CultureInfo.InvariantCulture);
        var dir = Path.Combine(storage.DataDir, "open-data");
        var prefix = $"results-{year.ToString(CultureInfo.InvariantCulture)}-";
        var path = Path.Combine(dir, $"{prefix}{generation}.{format}");
        if (File.Exists(path)) return path;
        var mine = new Lazy<Task>(() => WriteAsync(year, format, dir, prefix, path));
        var shared = _writing.GetOrAdd(path, mine);
        try
        {
            await shared.Value.WaitAsync(ct);
        }
        finally
        {
            if (ReferenceEquals(shared, mine)) _writing.TryRemove(path, out _);
        }
        return path;
    }

    /// <summary>In a scope of its own: the file is finished even if the request that started it goes away.</summary>
    async Task WriteAsync(int year, string format, string dir, string prefix, string path)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Directory.CreateDirectory(dir);
        var temp = path + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + ".tmp";
        await using (var file = File.Create(temp))
        {
            var rows = ResultsOpenData.OfYearAsync(db, year);
            if (format == "csv") await ResultsOpenData.WriteCsvAsync(rows, file, CancellationToken.None);
            else await ResultsOpenData.WriteJsonAsync(rows, file, CancellationToken.None);
        }
        File.Move(temp, path, overwrite: true);
        // Files of earlier states are never served again; temporary files may belong to a concurrent writer.
        foreach (var stale in Directory.EnumerateFiles(dir, prefix + "*." + format).Where(f => f != path))
        {
            try
            {
                File.Delete(stale);
            }
            catch (IOException)
            {
                // Still being sent on a platform that locks open files; the next state's write removes it.
            }
        }
    }
}
