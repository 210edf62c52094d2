namespace SpotCheck.Core.Transfer;

/// <summary>
/// One column of an import layout: its header, how wide the exported xlsx column is (in Excel character units, a
/// Chinese character counting two) and the 填写说明 line of the template.
/// </summary>
public sealed record LayoutColumn(string Header, int Width, string Requirement, string Rule);

/// <summary>
/// An import/export layout: the documented columns in order. The first <see cref="RequiredCount"/> must be in the
/// header; the rest were appended later and may be missing from older files, in which case import leaves the stored
/// values of those fields untouched.
/// </summary>
public sealed class TabularLayout(IReadOnlyList<LayoutColumn> columns, int requiredCount)
{
    public IReadOnlyList<LayoutColumn> Columns { get; } = columns;
    public IReadOnlyList<string> Headers { get; } = [.. columns.Select(c => c.Header)];
    public int RequiredCount { get; } = requiredCount;

    /// <summary>The whole expected header in one line, for the one error a wrong header gets.</summary>
    public string ExpectedHeader => RequiredCount == Headers.Count
        ? string.Join("、", Headers)
        : $"{string.Join("、", Headers.Take(RequiredCount))}（之后可选：{string.Join("、", Headers.Skip(RequiredCount))}）";
}
