namespace SpotCheck.Api;

/// <summary>The list shape of SPEC §5: <c>{total, items}</c>, plus the page actually served.</summary>
public sealed record ListResult<T>(int Total, IReadOnlyList<T> Items, int Page, int PageSize);

/// <summary>page/pageSize from the query string; pageSize above 100 is clamped, nonsense is a 400 with the field.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    public int Skip => (Page - 1) * PageSize;

    public ListResult<T> Wrap<T>(int total, IReadOnlyList<T> items) => new(total, items, Page, PageSize);

    public static bool TryCreate(int? page, int? pageSize, out Paging paging, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (page is < 1) errors["page"] = ["page 必须是不小于 1 的整数"];
        if (pageSize is < 1) errors["pageSize"] = ["pageSize 必须是不小于 1 的整数"];
        paging = new Paging(page ?? 1, Math.Min(pageSize ?? DefaultPageSize, MaxPageSize));
        if (errors.Count == 0 && (long)(paging.Page - 1) * paging.PageSize > int.MaxValue) errors["page"] = ["page 超出范围"];
        return errors.Count == 0;
    }
}
