namespace SpotCheck.Pages.Public;

/// <summary>
/// Numbered page links of a short list (plans, draws, batches); the results list pages by cursor as well. Handlers bind
/// the number with [FromQuery(Name = "page")]: "page" is also Razor Pages' own route value (the page's path), which
/// plain binding reads first.
/// </summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Url, string? PreviousUrl = null, string? NextUrl = null)
{
    public string? Previous => PreviousUrl ?? (Page > 1 ? Url(Page - 1) : null);
    public string? Next => NextUrl ?? (Page < PageCount ? Url(Page + 1) : null);
}
