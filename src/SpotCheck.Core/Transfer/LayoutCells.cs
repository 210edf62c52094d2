namespace SpotCheck.Core.Transfer;

/// <summary>The cells of one row being parsed by a layout, with the checks every layout shares; problems go to the report.</summary>
public sealed class LayoutCells(TabularRow row, ImportReport report)
{
    readonly int _errorsBefore = report.Count;

    public string? this[int column] => row.Cells[column];

    public bool Failed => report.Count > _errorsBefore;

    public void Fail(string column, string message) => report.Add(row.Number, column, message);

    /// <summary>A code cell with full-width characters made half-width (<see cref="CellText.Code"/>); Ok is false when refused.</summary>
    public (bool Ok, string? Value) Code(int column, string header)
    {
        if (CellText.TryCode(row.Cells[column], out var value, out var refused)) return (true, value);
        Fail(header, CellText.RefusedCode(refused, header).Message);
        return (false, null);
    }

    /// <summary>A date cell in any of the forms <see cref="CellText.Date"/> reads; null (and a row error) when refused.</summary>
    public DateOnly? Date(int column, string header)
    {
        var date = CellText.Date(row.Cells[column], header);
        if (date.IsSuccess) return date.Value;
        Fail(header, date.Error!.Message);
        return null;
    }
}
