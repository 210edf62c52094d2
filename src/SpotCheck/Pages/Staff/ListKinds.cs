using SpotCheck.Core.Transfer;

namespace SpotCheck.Pages.Staff;

/// <summary>The three lists by their URL name (enterprises, officers, items) and zh-CN title.</summary>
public static class ListKinds
{
    public static readonly IReadOnlyList<ListKind> All = [ListKind.Items, ListKind.Enterprises, ListKind.Officers];

    public static string Slug(ListKind kind) => kind switch
    {
        ListKind.Enterprises => "enterprises",
        ListKind.Officers => "officers",
        _ => "items",
    };

    public static ListKind? Parse(string? slug) => slug switch
    {
        "enterprises" => ListKind.Enterprises,
        "officers" => ListKind.Officers,
        "items" => ListKind.Items,
        _ => null,
    };

    public static string Title(ListKind kind) => TransferLists.Title(kind);

    public static string FileName(ListKind kind, string suffix, TabularFormat format) =>
        $"{Title(kind)}{suffix}.{(format == TabularFormat.Xlsx ? "xlsx" : "csv")}";

    public static string ContentType(TabularFormat format) => format == TabularFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static TabularFormat? ParseFormat(string? format) => format switch
    {
        "xlsx" => TabularFormat.Xlsx,
        "csv" => TabularFormat.Csv,
        _ => null,
    };
}
