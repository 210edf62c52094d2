using System.Globalization;

namespace SpotCheck.Core.Transfer;

/// <summary>One problem in an import file; rows are numbered as the user sees them (in a file without a title line, header = row 1).</summary>
public sealed record RowError(int Row, string Column, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"row {Row}, column {Column}: {Message}");
}

/// <summary>
/// The outcome of one import file: either every row was stored (<see cref="Imported"/> = created + updated + unchanged)
/// or, when <see cref="Errors"/> is not empty, nothing was. <see cref="Warnings"/> (ignored columns, skipped rows) and
/// the encoding a csv was read in are reported either way.
/// </summary>
public sealed record ImportResult(int Imported, int Created, int Updated, IReadOnlyList<RowError> Errors, int ErrorCount, string FileSha256,
    IReadOnlyList<string> Warnings, CsvEncoding? Encoding)
{
    /// <summary>At most this many row errors are listed; <see cref="ErrorCount"/> counts them all.</summary>
    public const int MaxListedErrors = 1000;

    public bool IsSuccess => ErrorCount == 0;

    /// <summary>The zh-CN line naming the encoding a csv was read in; null for xlsx.</summary>
    public string? EncodingNote => Encoding?.Note;

    public static ImportResult Failed(ImportReport report, string sha) =>
        new(0, 0, 0, report.Listed, report.Count, sha, report.Warnings, report.Encoding);

    public static ImportResult Succeeded(ImportReport report, int imported, int created, int updated, string sha) =>
        new(imported, created, updated, [], 0, sha, report.Warnings, report.Encoding);
}

/// <summary>Collects the row errors of one import (listing the first <see cref="ImportResult.MaxListedErrors"/>), its warnings and the csv encoding.</summary>
public sealed class ImportReport
{
    readonly List<RowError> _listed = [];
    readonly List<string> _warnings = [];

    public int Count { get; private set; }
    public IReadOnlyList<RowError> Listed => _listed;
    public IReadOnlyList<string> Warnings => _warnings;
    public CsvEncoding? Encoding { get; set; }

    public void Add(int row, string column, string message)
    {
        Count++;
        if (_listed.Count < ImportResult.MaxListedErrors) _listed.Add(new RowError(row, column, message));
    }

    public void Warn(string message) => _warnings.Add(message);
}
