using System.Text.RegularExpressions;
using SpotCheck.Core.Audit;

namespace SpotCheck.Core.Tests.Audit;

/// <summary>
/// The audit page shows every entry's type in words beside its code: each type the product writes has a label. The
/// types are read from the source, where each is written as <c>new AuditEvent("TYPE", …)</c>.
/// </summary>
public sealed partial class AuditTypeLabelTests
{
    [Fact]
    public void Every_audit_type_the_product_writes_has_a_chinese_label()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var written = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => WrittenType().Matches(File.ReadAllText(f)))
            .SelectMany(m => m.Groups.Cast<Group>().Skip(1).Where(g => g.Success).Select(g => g.Value))
            .ToHashSet(StringComparer.Ordinal);
        var labelled = AuditTypeLabels.All.Select(l => l.Type).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("LIST_EXPORT_ENDED", written);
        Assert.Contains("PLAN_UPDATED", written);
        Assert.Empty(written.Where(t => !labelled.Contains(t)).Order(StringComparer.Ordinal));
        Assert.All(AuditTypeLabels.All, l => Assert.Matches(CjkText(), l.Label));
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpotCheck.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("SpotCheck.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A literal type, or the two literals of <c>cond ? "A" : "B"</c>.</summary>
    [GeneratedRegex("""new AuditEvent\(\s*(?:"([A-Z][A-Z0-9_]*)"|[^,"]*\?\s*"([A-Z][A-Z0-9_]*)"\s*:\s*"([A-Z][A-Z0-9_]*)")""")]
    private static partial Regex WrittenType();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex CjkText();
}
