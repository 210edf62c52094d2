using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Transfer;

namespace SpotCheck.Tests.TestSupport;

/// <summary>A large directory put in through the real import (a csv as a clerk's spreadsheet saves it).</summary>
static class ManyEnterprises
{
    const string Header = "统一社会信用代码,名称,行政区划代码,地址,行业标签,信用风险分类,经营异常名录,严重违法失信,登记状态,联系人,联系电话";

    /// <summary>Imports <paramref name="count"/> active class B enterprises named <paramref name="name"/> and their serial.</summary>
    public static async Task ImportAsync(TestHost host, int count, string name)
    {
        var path = Path.Combine(host.Storage.DataDir, $"many-{Guid.NewGuid():N}.csv");
        var rows = Enumerable.Range(1, count).Select(serial => string.Create(CultureInfo.InvariantCulture,
            $"{DemoData.UsccFor(serial).Value},{name}{serial},411721,西平县示例大道{serial}号,煤炭经营,B,否,否,存续,联络人{serial},0396-0000000"));
        await File.WriteAllTextAsync(path, string.Join("\r\n", [Header, .. rows]) + "\r\n", new UTF8Encoding(true));
        try
        {
            await using var scope = host.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var imported = await new TransferLists(db, new AuditLog(db, TimeProvider.System), TimeProvider.System).ImportAsync(ListKind.Enterprises, path, "planner");
            Assert.True(imported.IsSuccess, string.Join("\n", imported.Errors));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
