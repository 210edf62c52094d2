using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Data;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Identity;
using SpotCheck.Core.Transfer;
using SpotCheck.Tests.TestSupport;
using EnterprisePage = SpotCheck.Pages.Staff.Enterprises.IndexModel;

namespace SpotCheck.Tests.Pages;

/// <summary>
/// A directory larger than the enterprise list counts: the page says "超过 N 条" with a hint to narrow the search, leaves
/// the page count open, and goes on past its last numbered page by id.
/// </summary>
public sealed class EnterpriseCountCapTests : IAsyncLifetime
{
    const string Header = "统一社会信用代码,名称,行政区划代码,地址,行业标签,信用风险分类,经营异常名录,严重违法失信,登记状态,联系人,联系电话";
    TestHost _host = null!;
    readonly string _dir = Directory.CreateTempSubdirectory("spotcheck-count-cap-").FullName;

    public async Task InitializeAsync() => _host = (await TestHost.StartAsync(DbProvider.Sqlite))!;

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Beyond_the_count_limit_the_list_says_more_than_and_pages_on_by_id()
    {
        var rows = Enumerable.Range(1, EnterprisePage.CountLimit + 1).Select(serial => string.Create(CultureInfo.InvariantCulture,
            $"{DemoData.UsccFor(serial).Value},西平县计数示例有限公司{serial},411721,西平县示例大道{serial}号,煤炭经营,B,否,否,存续,联络人{serial},0396-0000000"));
        var path = Path.Combine(_dir, "many.csv");
        await File.WriteAllTextAsync(path, string.Join("\r\n", [Header, .. rows]) + "\r\n", new UTF8Encoding(true));
        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var imported = await new TransferLists(db, new AuditLog(db, TimeProvider.System), TimeProvider.System).ImportAsync(ListKind.Enterprises, path, "planner");
            Assert.True(imported.IsSuccess, string.Join("\n", imported.Errors));
            Assert.Equal(EnterprisePage.CountLimit + 1, await db.Enterprises.CountAsync());
        }
        var planner = await _host.SignedInClientAsync(Roles.Planner);

        var first = WebUtility.HtmlDecode(await planner.GetStringAsync("/Staff/Enterprises"));
        var last = WebUtility.HtmlDecode(await planner.GetStringAsync($"/Staff/Enterprises?p={EnterprisePage.MaxPageNumber}"));

        Assert.Contains($"超过 <span id=\"enterprise-total\">{EnterprisePage.CountLimit}</span> 条（请加筛选条件缩小范围）", first);
        Assert.Contains("，第 1 / … 页", first);
        Assert.Contains($"，第 {EnterprisePage.MaxPageNumber} / … 页", last);
        Assert.Matches("href=\"\\?after=\\d+\" id=\"enterprises-next\"", last);
    }
}
