using System.Globalization;

namespace SpotCheck.Core.Transfer;

/// <summary>One problem in an import file; rows are numbered as the user sees them (header = row 1).</summary>
public sealed record RowError(int Row, string Column, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"row {Row}, column {Column}: {Message}");
}

/// <summary>
/// The outcome of one import file: either every row was stored (<see cref="Imported"/> = created + updated) or,
/// when <see cref="Errors"/> is not empty, nothing was.
/// </summary>
public sealed record ImportResult(int Imported, int Created, int Updated, IReadOnlyList<RowError> Errors, int ErrorCount, string FileSha256)
{
    /// <summary>At most this many row errors are listed; <see cref="ErrorCount"/> counts them all.</summary>
    public const int MaxListedErrors = 1000;

    public bool IsSuccess => ErrorCount == 0;

    public static ImportResult Failed(IReadOnlyList<RowError> errors, int errorCount, string sha) => new(0, 0, 0, errors, errorCount, sha);
}

/// <summary>Collects row errors, listing the first <see cref="ImportResult.MaxListedErrors"/>.</summary>
public sealed class RowErrors
{
    readonly List<RowError> _listed = [];

    public int Count { get; private set; }
    public IReadOnlyList<RowError> Listed => _listed;

    public void Add(int row, string column, string message)
    {
        Count++;
        if (_listed.Count < ImportResult.MaxListedErrors) _listed.Add(new RowError(row, column, message));
    }
}
