using SpotCheck.Core.Items;

namespace SpotCheck.Pages.Staff.Items;

public static class ItemView
{
    public static string MethodLabel(string code) => ItemCodes.Methods.TryGetValue(code, out var label) ? label : code;
}
