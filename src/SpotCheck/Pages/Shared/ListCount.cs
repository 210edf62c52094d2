namespace SpotCheck.Pages;

/// <summary>
/// The count line of a staff list that counts up to a limit and numbers pages up to <paramref name="MaxPageNumber"/>,
/// then goes on after a row ("共 N 条，第 p / n 页", "超过 N 条 …", "第 200 页之后").
/// </summary>
/// <param name="TotalId">The element id of the number, for tests and screen readers.</param>
/// <param name="NarrowHint">Said after "超过 N 条" (how to narrow the list), or null.</param>
public sealed record ListCount(int Total, bool TotalIsAtLeast, bool ByKey, int Page, int PageCount, int MaxPageNumber,
    string TotalId, string? NarrowHint = null);
