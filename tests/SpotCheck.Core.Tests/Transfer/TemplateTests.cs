using System.Text;
using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Transfer;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Transfer;

/// <summary>A template's example rows never import: the template is the header alone, its guidance on a sheet import never reads.</summary>
public sealed class TemplateTests : IDisposable
{
    public static TheoryData<ListKind, string> Cases()
    {
        var data = new TheoryData<ListKind, string>();
        foreach (var kind in new[] { ListKind.Enterprises, ListKind.Officers, ListKind.Items })
        foreach (var extension in new[] { ".csv", ".xlsx" })
            data.Add(kind, extension);
        return data;
    }

    readonly string _dir = Directory.CreateTempSubdirectory("spotcheck-template-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableTheory, MemberData(nameof(Cases))]
    public async Task The_template_is_the_header_alone_and_importing_it_as_downloaded_imports_nothing(ListKind kind, string extension)
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var store = new Store(database!);
        var path = Path.Combine(_dir, "template" + extension);
        await using (var file = File.Create(path)) TransferLists.WriteTemplate(kind, file, TabularFile.FormatOf(path).Value);

        var result = await new TransferLists(store.Db, store.Audit, store.Clock).ImportAsync(kind, path, "admin");

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal((0, 0), (result.Imported, result.Created));
        await using var fresh = store.Fresh();
        Assert.Equal((0, 0, 0), (await fresh.Enterprises.CountAsync(), await fresh.Officers.CountAsync(), await fresh.InspectionItems.CountAsync()));
        await using var stream = File.OpenRead(path);
        var rows = extension == ".csv" ? [.. CsvRows.Read(stream)] : XlsxRows.Read(stream).Select(r => r.Cells).ToList();
        Assert.Equal(TransferLists.Headers(kind), Assert.Single(rows));
    }

    [SkippableTheory]
    [InlineData(ListKind.Enterprises)]
    [InlineData(ListKind.Officers)]
    [InlineData(ListKind.Items)]
    public void The_xlsx_template_explains_every_column_on_a_second_sheet_without_real_codes(ListKind kind)
    {
        using var stream = new MemoryStream();
        TransferLists.WriteTemplate(kind, stream, TabularFormat.Xlsx);

        var text = SheetTexts(stream.ToArray());

        Assert.Equal(2, text.Count);
        var notes = text[1];
        foreach (var header in TransferLists.Headers(kind)) Assert.Contains(header, notes);
        Assert.Contains("填写说明", SheetNames(stream.ToArray()));
        var all = string.Join("\n", text);
        Assert.DoesNotContain("XP-OFF-", all);
        Assert.DoesNotContain(DemoData.UsccFor(1).Value[..8] + "DM", all);
        Assert.DoesNotMatch("[0-9A-Z]{18}", all.Replace("GB 32100", "", StringComparison.Ordinal));
    }

    static List<string> SheetTexts(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        return [.. zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).OrderBy(e => e.FullName)
            .Select(e => new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd())];
    }

    static string SheetNames(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        return new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd();
    }
}
