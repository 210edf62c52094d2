using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpotCheck.Core.Data;
using SpotCheck.Core.Identity;
using SpotCheck.Tests.TestSupport;
using EnterprisePage = SpotCheck.Pages.Staff.Enterprises.IndexModel;

namespace SpotCheck.Tests.Pages;

/// <summary>
/// A directory larger than the enterprise list counts: the page says "超过 N 条" with a hint to narrow the search, leaves
/// the page count open, and goes on past its last numbered page by id.
/// </summary>
public sealed class EnterpriseCountCapTests : IAsyncLifetime
{
    TestHost _host = null!;

    public async Task InitializeAsync() => _host = (await TestHost.StartAsync(DbProvider.Sqlite))!;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Beyond_the_count_limit_the_list_says_more_than_and_pages_on_by_id()
    {
        await ManyEnterprises.ImportAsync(_host, EnterprisePage.CountLimit + 1, "西平县计数示例有限公司");
        await using (var scope = _host.Factory.Services.CreateAsyncScope())
            Assert.Equal(EnterprisePage.CountLimit + 1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Enterprises.CountAsync());
        var planner = await _host.SignedInClientAsync(Roles.Planner);

        var first = WebUtility.HtmlDecode(await planner.GetStringAsync("/Staff/Enterprises"));
        var last = WebUtility.HtmlDecode(await planner.GetStringAsync($"/Staff/Enterprises?p={EnterprisePage.MaxPageNumber}"));

        Assert.Contains($"超过 <span id=\"enterprise-total\">{EnterprisePage.CountLimit}</span> 条（请加筛选条件缩小范围）", first);
        Assert.Contains("，第 1 / … 页", first);
        Assert.Contains($"，第 {EnterprisePage.MaxPageNumber} / … 页", last);
        Assert.Matches("href=\"\\?after=\\d+\" id=\"enterprises-next\"", last);
    }
}
