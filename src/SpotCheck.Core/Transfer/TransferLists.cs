using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Data;
using SpotCheck.Core.Scopes;

namespace SpotCheck.Core.Transfer;

/// <summary>The three importable lists.</summary>
public enum ListKind { Enterprises, Officers, Items }

/// <summary>Entry points by list kind and file name, for the CLI and the import page.</summary>
public sealed class TransferLists(AppDbContext db, Audit.AuditLog audit, TimeProvider clock)
{
    public static TabularLayout Layout(ListKind kind) => kind switch
    {
        ListKind.Enterprises => EnterpriseLayout.Layout,
        ListKind.Officers => OfficerLayout.Layout,
        _ => ItemLayout.Layout,
    };

    public static IReadOnlyList<string> Headers(ListKind kind) => Layout(kind).Headers;

    /// <summary>The list's name, also the name of the worksheet that holds it.</summary>
    public static string Title(ListKind kind) => kind switch
    {
        ListKind.Enterprises => "检查对象名录库",
        ListKind.Officers => "执法检查人员名录库",
        _ => "检查事项清单",
    };

    public async Task<ImportResult> ImportAsync(ListKind kind, string path, string actor, CancellationToken ct = default)
    {
        var format = TabularFile.FormatOf(path);
        if (!format.IsSuccess) return Unreadable(format.Error!.Message, "", null);
        var sha = await ImportEnterprises.Sha256Async(path, ct);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return await ImportAsync(kind, stream, format.Value, sha, actor, ct);
    }

    /// <summary>
    /// Imports one file (a seekable stream: a csv is read twice, once to find its encoding); a file that cannot be read
    /// at all is reported as an error of row 1, nothing imported.
    /// </summary>
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
        catch (UndecodableCsvException e)
        {
            return Unreadable(e.Message, sha, e.Encoding);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException)
        {
            return Unreadable("文件不是有效的 xlsx 工作簿（可能已损坏或实际为其他格式）", sha, null);
        }
    }

    static ImportResult Unreadable(string message, string sha, CsvEncoding? encoding)
    {
        // Nothing was saved: the handlers roll back their transaction when the reader fails.
        var report = new ImportReport { Encoding = encoding };
        report.Add(1, "文件", message);
        return ImportResult.Failed(report, sha);
    }

    /// <summary>The import template: headers only (and, in xlsx, a 填写说明 sheet), so that no example row can be imported.</summary>
    public static void WriteTemplate(ListKind kind, Stream stream, TabularFormat format) =>
        TabularFile.WriteTemplate(stream, format, Layout(kind), Title(kind));

    /// <summary>Writes the whole list in its import layout; enterprises are read in keyset pages, never all at once.</summary>
    /// <param name="progress">Told the number of rows written so far, every 1,000 rows.</param>
    public int Export(ListKind kind, Stream stream, TabularFormat format, CancellationToken ct = default, Action<int>? progress = null)
    {
        var count = 0;
        IEnumerable<string?[]> Counted(IEnumerable<string?[]> rows)
        {
            foreach (var r in rows)
            {
                if (++count % 1000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Invoke(count);
                }
                yield return r;
            }
        }
        var rows = kind switch
        {
            ListKind.Enterprises => EnterpriseRows(),
            ListKind.Officers => db.Officers.InScope(db.Scope).AsNoTracking().Include(o => o.Department).OrderBy(o => o.Code).AsEnumerable().Select(OfficerLayout.ToCells),
            _ => ItemRows(),
        };
        TabularFile.Write(stream, format, Layout(kind), Counted(rows), Title(kind));
        return count;
    }

    /// <summary>The number of rows <see cref="Export"/> writes (within the user's scope for officers).</summary>
    public int Count(ListKind kind) => kind switch
    {
        ListKind.Enterprises => db.Enterprises.Count(),
        ListKind.Officers => db.Officers.InScope(db.Scope).Count(),
        _ => db.InspectionItems.Select(i => i.Code).Distinct().Count(),
    };

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
