using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;

namespace SpotCheck.Core.Transfer;

/// <summary>The three importable lists.</summary>
public enum ListKind { Enterprises, Officers, Items }

/// <summary>Entry points by list kind and file name, for the CLI and the import page.</summary>
public sealed class TransferLists(AppDbContext db, Audit.AuditLog audit, TimeProvider clock)
{
    public static IReadOnlyList<string> Headers(ListKind kind) => kind switch
    {
        ListKind.Enterprises => EnterpriseLayout.Headers,
        ListKind.Officers => OfficerLayout.Headers,
        _ => ItemLayout.Headers,
    };

    public async Task<ImportResult> ImportAsync(ListKind kind, string path, string actor, CancellationToken ct = default)
    {
        var format = TabularFile.FormatOf(path);
        if (!format.IsSuccess) return ImportResult.Failed([new RowError(1, "file", format.Error!.Message)], 1, "");
        var sha = await ImportEnterprises.Sha256Async(path, ct);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return await ImportAsync(kind, stream, format.Value, sha, actor, ct);
    }

    /// <summary>Imports one file; a file that cannot be read at all is reported as an error of row 1, nothing imported.</summary>
    public async Task<ImportResult> ImportAsync(ListKind kind, Stream stream, TabularFormat format, string sha, string actor, CancellationToken ct = default)
    {
        try
        {
            return kind switch
            {
                ListKind.Enterprises => await new ImportEnterprises.Handler(db, audit, clock).HandleAsync(stream, format, sha, actor, ct),
                ListKind.Officers => await new ImportOfficers.Handler(db, audit, clock).HandleAsync(stream, format, sha, actor, ct),
                _ => await new ImportItems.Handler(db, audit, clock).HandleAsync(stream, format, sha, actor, ct),
            };
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Unreadable("文件不是 UTF-8 编码，请另存为“CSV UTF-8（逗号分隔）”后重新导入", sha);
        }
        catch (InvalidDataException)
        {
            return Unreadable("文件不是有效的 xlsx 工作簿（可能已损坏或实际为其他格式）", sha);
        }
    }

    static ImportResult Unreadable(string message, string sha)
    {
        // Nothing was saved: the handlers roll back their transaction when the reader fails.
        return ImportResult.Failed([new RowError(1, "文件", message)], 1, sha);
    }

    /// <summary>Headers plus one example row, in the import layout.</summary>
    public static void WriteTemplate(ListKind kind, Stream stream, TabularFormat format) =>
        TabularFile.Write(stream, format, Headers(kind), [kind switch
        {
            ListKind.Enterprises => EnterpriseLayout.Example,
            ListKind.Officers => OfficerLayout.Example,
            _ => ItemLayout.Example,
        }]);

    /// <summary>Writes the whole list in its import layout; enterprises are read in keyset pages, never all at once.</summary>
    public int Export(ListKind kind, Stream stream, TabularFormat format)
    {
        var count = 0;
        IEnumerable<string?[]> Counted(IEnumerable<string?[]> rows)
        {
            foreach (var r in rows)
            {
                count++;
                yield return r;
            }
        }
        var rows = kind switch
        {
            ListKind.Enterprises => EnterpriseRows(),
            ListKind.Officers => db.Officers.AsNoTracking().Include(o => o.Department).OrderBy(o => o.Code).AsEnumerable().Select(OfficerLayout.ToCells),
            _ => ItemRows(),
        };
        TabularFile.Write(stream, format, Headers(kind), Counted(rows));
        return count;
    }

    IEnumerable<string?[]> EnterpriseRows()
    {
        var after = 0;
        while (true)
        {
            var page = db.Enterprises.AsNoTracking().Include(e => e.Tags).Where(e => e.Id > after)
                .OrderBy(e => e.Id).Take(1000).ToList();
            foreach (var e in page) yield return EnterpriseLayout.ToCells(e);
            if (page.Count < 1000) yield break;
            after = page[^1].Id;
        }
    }

    IEnumerable<string?[]> ItemRows()
    {
        var departments = db.Departments.AsNoTracking().ToDictionary(d => d.Id, d => d.Code);
        var latest = db.InspectionItems.AsNoTracking().AsEnumerable().GroupBy(i => i.Code, StringComparer.Ordinal)
            .Select(g => g.MaxBy(i => i.Version)!).OrderBy(i => i.Code, StringComparer.Ordinal);
        foreach (var i in latest) yield return ItemLayout.ToCells(i, departments[i.DepartmentId]);
    }
}
