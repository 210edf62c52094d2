using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Publication;
using SpotCheck.Core.Reviews;
using SpotCheck.Core.Tasks;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.Tasks;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Publication;

/// <summary>
/// The portal's search (issue 10 part 6): names by any substring of three or more characters through the trigram
/// index (FTS5 on SQLite, pg_trgm on PostgreSQL), shorter text by the start of the name, USCC whole or by its start;
/// pages by cursor equal pages by number; totals follow every publication.
/// </summary>
public sealed class PublicSearchTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    /// <summary>An enterprise of its own with one complaint result, inspected, approved and published.</summary>
    static async Task<int> PublishedForAsync(TaskKit kit, string name, int serial, DateOnly inspectedOn)
    {
        var enterprise = Enterprise.Create(new EnterpriseData(name, DemoData.UsccFor(serial).Value, "411721", "西平县", [], RiskClass.B, false, false,
            EnterpriseStatus.Active, null, null), Store.Now.UtcDateTime);
        kit.Store.Db.Enterprises.Add(enterprise);
        await kit.Store.Db.SaveChangesAsync();
        var created = await new CreateTask.Handler(kit.Store.Db, kit.Store.Audit, kit.Store.Clock).HandleAsync(new CreateTask.Command
        {
            Source = "COMPLAINT", EnterpriseId = enterprise.Id, ItemIds = [kit.Item.Id], DueDate = new DateOnly(2026, 12, 31),
            Basis = "举报编号 JB-2026-" + serial, OfficerIds = [kit.Officers[0].Id, kit.Officers[1].Id],
        }, "planner");
        Assert.True(created.IsSuccess, created.Error?.Message);
        var record = kit.Record();
        (record.InspectedOn, record.ConcludedOn) = (inspectedOn, inspectedOn);
        await kit.SubmitAsync(created.Value, record, 0, 1);
        Assert.True((await new ApproveRecord.Handler(kit.Store.Db, kit.Store.Audit, kit.Store.Clock).HandleAsync(created.Value, TaskKit.Reviewer)).IsSuccess);
        var published = await new PublishResults.Handler(kit.Store.Db, kit.Store.Audit, kit.Store.Clock).HandleAsync([created.Value], TaskKit.Reviewer);
        Assert.True(published.IsSuccess, published.Error?.Message);
        kit.Store.Clock.Advance(TimeSpan.FromMinutes(1));
        return created.Value;
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Names_are_found_by_any_three_characters_and_short_text_by_the_start(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var day = new DateOnly(2026, 11, 20);
        await PublishedForAsync(kit, "驻马店恒通汽车销售有限公司", 901, day);
        await PublishedForAsync(kit, "西平县恒通机械厂", 902, day);
        await PublishedForAsync(kit, "西平县ABC煤炭经营部", 903, day);

        await using var fresh = store.Fresh();
        var search = new PublicResults.Handler(fresh);
        async Task<string[]> Names(string q) => [.. (await search.SearchAsync(new(Q: q))).Items.Select(r => r.EnterpriseName).Order(StringComparer.Ordinal)];

        Assert.Equal(["驻马店恒通汽车销售有限公司"], await Names("恒通汽车"));
        Assert.Equal(["驻马店恒通汽车销售有限公司"], await Names("有限公司"));
        Assert.Equal(["西平县ABC煤炭经营部", "西平县恒通机械厂"], await Names("西平县"));
        Assert.Equal(["西平县恒通机械厂"], await Names("县恒通"));
        Assert.Equal(["西平县ABC煤炭经营部"], await Names("abc煤"));
        Assert.Empty(await Names("恒通")); // two characters: the start of the name only
        Assert.Equal(["西平县ABC煤炭经营部", "西平县恒通机械厂"], await Names("西平"));
        Assert.Empty(await Names("\"恒通\" OR 汽车"));
        Assert.Empty(await Names("100%"));
        Assert.Empty(await Names("恒_通"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_uscc_is_found_whole_in_any_case_or_by_its_start(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        var day = new DateOnly(2026, 11, 20);
        await PublishedForAsync(kit, "西平县甲企业", 911, day);
        await PublishedForAsync(kit, "西平县乙企业", 912, day);

        await using var fresh = store.Fresh();
        var search = new PublicResults.Handler(fresh);
        var whole = DemoData.UsccFor(911).Value;

        Assert.Equal("西平县甲企业", Assert.Single((await search.SearchAsync(new(Q: whole.ToLowerInvariant()))).Items).EnterpriseName);
        Assert.Equal(2, (await search.SearchAsync(new(Q: whole[..14]))).Total);
        Assert.Equal(0, (await search.SearchAsync(new(Q: "91411721"))).Total);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Pages_by_cursor_are_the_pages_by_number_and_totals_follow_each_publication(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = await TaskKit.CreateAsync(store);
        for (var i = 0; i < 7; i++) await PublishedForAsync(kit, $"西平县第{i}号企业有限公司", 920 + i, new DateOnly(2026, 11, 2 + i));
        var totals = new PublicTotals();

        await using (var fresh = store.Fresh())
        {
            var search = new PublicResults.Handler(fresh, totals);
            var byNumber = new List<long>();
            for (var page = 1; page <= 4; page++) byNumber.AddRange((await search.SearchAsync(new(Page: page, PageSize: 2))).Items.Select(r => r.Id));
            var byCursor = new List<long>();
            PageCursor? after = null;
            PublicResults.Page current;
            do
            {
                current = await search.SearchAsync(new(PageSize: 2, After: after));
                byCursor.AddRange(current.Items.Select(r => r.Id));
                after = current.Last;
            }
            while (current.HasNext);
            var third = await search.SearchAsync(new(Page: 3, PageSize: 2));
            var backwards = await search.SearchAsync(new(PageSize: 2, Before: third.First));

            Assert.Equal(7, byNumber.Count);
            Assert.Equal(byNumber.OrderDescending(), byNumber); // newest first: one publication a minute
            Assert.Equal(byNumber, byCursor);
            Assert.Equal(byNumber.Skip(2).Take(2), backwards.Items.Select(r => r.Id));
            Assert.Equal((7, 4), ((await search.SearchAsync(new(PageSize: 2))).Total, (await search.SearchAsync(new(PageSize: 2))).PageCount));
        }

        await PublishedForAsync(kit, "西平县新公示企业有限公司", 930, new DateOnly(2026, 11, 20));
        await using (var fresh = store.Fresh())
        {
            var found = await new PublicResults.Handler(fresh, totals).SearchAsync(new(PageSize: 2));
            Assert.Equal(8, found.Total);
            Assert.Equal("西平县新公示企业有限公司", found.Items[0].EnterpriseName);
            Assert.Equal(8, (await new PortalFacts.Handler(fresh, totals).HandleAsync()).Results);
        }
    }

    [Fact]
    public async Task A_total_is_computed_once_per_state_even_when_asked_for_at_once()
    {
        var totals = new PublicTotals();
        var computed = 0;
        var gate = new TaskCompletionSource<int>();
        Task<int> Count()
        {
            Interlocked.Increment(ref computed);
            return gate.Task;
        }

        var waiting = Enumerable.Range(0, 20).Select(_ => totals.GetAsync(7, "k", Count)).ToList();
        gate.SetResult(42);
        var answers = await Task.WhenAll(waiting);
        var again = await totals.GetAsync(7, "k", () => Task.FromResult(0));
        var next = await totals.GetAsync(8, "k", () => Task.FromResult(43));

        Assert.All(answers, a => Assert.Equal(42, a));
        Assert.Equal((1, 42, 43), (computed, again, next));
    }
}
