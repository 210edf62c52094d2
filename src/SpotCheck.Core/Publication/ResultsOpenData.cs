using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Publication;

/// <summary>
/// 抽查结果 as open data (SPEC §5): the current version of every result of one inspection year, oldest publication
/// first, as csv (UTF-8 with BOM, for Excel on Chinese Windows) or json (an array, camelCase). Only published public
/// fields are read. Layout: docs/publication-exports.md.
/// </summary>
public static class ResultsOpenData
{
    /// <summary>One result: the fields of the public API (SPEC §5) plus type, version, correction and batch.</summary>
    public sealed record Row(string EnterpriseName, string Uscc, string Item, DateOnly InspectedOn, string Result, string FollowUp,
        string Department, DateTime PublishedAt, string CheckType, int Version, DateOnly? CorrectedOn, string? CorrectionReason, string? Batch);

    public static readonly IReadOnlyList<string> CsvHeaders =
        ["企业名称", "统一社会信用代码", "检查事项", "检查日期", "检查结果", "后续处置", "检查实施机关", "公示时间", "检查类型", "版本", "更正日期", "更正理由", "公告编号"];

    /// <summary>Current versions of one year's results, oldest publication first.</summary>
    public static IAsyncEnumerable<Row> OfYearAsync(AppDbContext db, int year) =>
        PublicResults.Current(db).Where(r => r.Year == year).OrderBy(r => r.PublishedAtUtc).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.EnterpriseName, r.Uscc, r.ItemNames, r.InspectedOn, r.ResultText, r.FollowUpText, r.DepartmentNames, r.PublishedAtUtc,
                r.IsRandom, r.Version, r.VersionOn, r.CorrectionReason,
                // A correction belongs to no batch: the batch is the one that first published the result.
                Batch = db.PublishedResults.Where(v => v.TaskId == r.TaskId && v.Version == 1)
                    .Join(db.PublicationBatches, v => v.BatchId, b => (int?)b.Id, (v, b) => b.Number).FirstOrDefault(),
            })
            .AsAsyncEnumerable()
            .Select(r => new Row(r.EnterpriseName, r.Uscc, r.ItemNames, r.InspectedOn, r.ResultText, r.FollowUpText, r.DepartmentNames,
                DateTime.SpecifyKind(r.PublishedAtUtc, DateTimeKind.Utc), r.IsRandom ? "双随机抽查" : "检查", r.Version,
                r.Version > 1 ? r.VersionOn : null, r.CorrectionReason, r.Batch));

    public static async Task WriteCsvAsync(IAsyncEnumerable<Row> rows, Stream stream, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        await writer.WriteAsync(CsvLine(CsvHeaders));
        await foreach (var r in rows.WithCancellation(ct))
            await writer.WriteAsync(CsvLine([r.EnterpriseName, r.Uscc, r.Item, Day(r.InspectedOn), r.Result, r.FollowUp, r.Department,
                Instant(r.PublishedAt), r.CheckType, r.Version.ToString(CultureInfo.InvariantCulture), r.CorrectedOn is { } c ? Day(c) : "",
                r.CorrectionReason ?? "", r.Batch ?? ""]));
    }

    static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static async Task WriteJsonAsync(IAsyncEnumerable<Row> rows, Stream stream, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(stream, JsonOptions);
        json.WriteStartArray();
        await foreach (var r in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("enterpriseName", r.EnterpriseName);
            json.WriteString("uscc", r.Uscc);
            json.WriteString("item", r.Item);
            json.WriteString("inspectedOn", Day(r.InspectedOn));
            json.WriteString("result", r.Result);
            json.WriteString("followUp", r.FollowUp);
            json.WriteString("department", r.Department);
            json.WriteString("publishedAt", Instant(r.PublishedAt));
            json.WriteString("checkType", r.CheckType);
            json.WriteNumber("version", r.Version);
            if (r.CorrectedOn is { } c) json.WriteString("correctedOn", Day(c)); else json.WriteNull("correctedOn");
            if (r.CorrectionReason is { } reason) json.WriteString("correctionReason", reason); else json.WriteNull("correctionReason");
            if (r.Batch is { } batch) json.WriteString("batch", batch); else json.WriteNull("batch");
            json.WriteEndObject();
            if (json.BytesPending > 1 << 16) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    static string CsvLine(IEnumerable<string> cells) => string.Join(',', cells.Select(CsvCell)) + "\r\n";

    /// <summary>RFC 4180 quoting, after <see cref="SpreadsheetText.Neutralise"/>.</summary>
    static string CsvCell(string value)
    {
        var s = SpreadsheetText.Neutralise(value);
        return s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}

/// <summary>Text for cells of files that spreadsheet programs open.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// A cell starting with = + - @ (or tab / carriage return) would be run as a formula by Excel or LibreOffice (CSV
    /// injection, OWASP); a leading apostrophe makes it plain text.
    /// </summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>Column width in characters: a CJK (full-width) character takes two.</summary>
    public static int DisplayWidth(string value) => value.Sum(c => c >= '\u1100' ? 2 : 1);
}
