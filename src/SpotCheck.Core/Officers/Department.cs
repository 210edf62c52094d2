using System.Text.RegularExpressions;

namespace SpotCheck.Core.Officers;

/// <summary>An administrative department (e.g. XPKGJ); joint checks draw officers per department.</summary>
public sealed partial class Department : Data.IVersioned
{
    public int RowVersion { get; private set; }

    Department() { }

    public Department(string code, string name, bool isDemo = false)
    {
        Code = code;
        Name = name;
        IsDemo = isDemo;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public bool IsDemo { get; private set; }
    /// <summary>The superior department (county bureau → city → province); it reads this department's work.</summary>
    public int? ParentId { get; private set; }

    public void Rename(string name) => Name = name;

    public void MoveUnder(int? parentId) => ParentId = parentId;

    /// <summary>draw-spec §2.3: department codes match ^[0-9A-Za-z_.-]{1,32}$.</summary>
    public static bool IsValidCode(string code) => CodePattern().IsMatch(code);

    [GeneratedRegex("^[0-9A-Za-z_.-]{1,32}$")]
    private static partial Regex CodePattern();
}
