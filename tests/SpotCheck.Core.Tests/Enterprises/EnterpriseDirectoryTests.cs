using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Enterprises;

public sealed class EnterpriseDirectoryTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    internal static SaveEnterprise.Command Command(string uscc, string name = "西平县示例汽车销售有限公司001") => new()
    {
        Name = name, Uscc = uscc, RegionCode = "411721", Address = "河南省驻马店市西平县示例大道1号", Tags = "汽车产品销售",
        RiskClass = "B", Status = "存续", ContactName = "示例联络人1", ContactPhone = "0396-0000001",
    };

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Editing_records_field_history_and_an_audit_entry(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var save = new SaveEnterprise.Handler(store.Db, store.Audit, store.Clock);
        var id = (await save.HandleAsync(Command("91411721DM0000013R"), "planner")).Value;

        var edit = Command("91411721DM0000013R");
        edit.Id = id;
        edit.RiskClass = "D";
        edit.Tags = "汽车产品销售;BLACKLIST";
        Assert.True((await save.HandleAsync(edit, "planner2")).IsSuccess);

        await using var fresh = store.Fresh();
        var saved = (await new GetEnterprise.Handler(fresh).HandleAsync(id)).Value;
        Assert.Equal(RiskClass.D, saved.RiskClass);
        Assert.Equal(["BLACKLIST", "汽车产品销售"], saved.TagNames);
        var changes = saved.Changes.OrderBy(c => c.Field, StringComparer.Ordinal).Select(c => (c.Field, c.OldValue, c.NewValue, c.Actor)).ToList();
        Assert.Equal([("RiskClass", "B", "D", "planner2"), ("Tags", "汽车产品销售", "BLACKLIST;汽车产品销售", "planner2")], changes);
        Assert.Equal(["ENTERPRISE_CREATED", "ENTERPRISE_UPDATED"], await fresh.AuditEntries.OrderBy(e => e.Seq).Select(e => e.Type).ToListAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_bad_check_character_needs_an_override_which_flags_the_record(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var save = new SaveEnterprise.Handler(store.Db, store.Audit, store.Clock);

        var refused = await save.HandleAsync(Command("91411721DM0000013A"), "admin");
        Assert.Equal(("uscc.check", "Uscc"), (refused.Error!.Code, refused.Error.Field));
        Assert.Contains("应为“R”", refused.Error.Message);

        var structural = Command("91411721DM000001IA");
        structural.UsccOverrideReason = "试点期代码";
        Assert.Equal("uscc.alphabet", (await save.HandleAsync(structural, "admin")).Error!.Code);

        var overridden = Command("91411721DM0000013A");
        overridden.UsccOverrideReason = "2015年试点期颁发的代码，校验位不符，已核实营业执照";
        var id = (await save.HandleAsync(overridden, "admin")).Value;

        await using var fresh = store.Fresh();
        var saved = await fresh.Enterprises.SingleAsync(e => e.Id == id);
        Assert.True(saved.UsccOverridden);
        Assert.Equal(("91411721DM0000013A", "admin", Store.Now.UtcDateTime), (saved.Uscc, saved.UsccOverrideBy, saved.UsccOverrideAtUtc));
        var entry = await fresh.AuditEntries.SingleAsync();
        Assert.Contains("校验位不符", entry.Payload);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_duplicate_uscc_is_a_conflict(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var save = new SaveEnterprise.Handler(store.Db, store.Audit, store.Clock);
        await save.HandleAsync(Command("91411721DM0000013R"), "planner");

        var second = await save.HandleAsync(Command("91411721dm0000013r", "另一家"), "planner");

        Assert.Equal("enterprise.duplicate_uscc", second.Error!.Code);
        await using var fresh = store.Fresh();
        Assert.Equal(1, await fresh.Enterprises.CountAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Search_filters_and_pages_by_offset_and_keyset(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        await SpotCheck.Core.Demo.DemoData.SeedAsync(store.Db, store.Audit, store.Clock);
        var search = new SearchEnterprises.Handler(store.Fresh());

        var prefix = await search.HandleAsync(new() { Name = "西平县示例煤炭经营部", PageSize = 8 });
        Assert.Equal(20, prefix.Total);
        Assert.Equal(8, prefix.Items.Count);
        Assert.All(prefix.Items, r => Assert.StartsWith("西平县示例煤炭经营部", r.Name));

        var page3 = await search.HandleAsync(new() { Name = "西平县示例煤炭经营部", PageSize = 8, Page = 3 });
        Assert.Equal(4, page3.Items.Count);

        var walked = new List<int>();
        int? after = 0;
        while (after is not null)
        {
            var page = await search.HandleAsync(new() { Tag = "煤炭经营", PageSize = 30, AfterId = after, IncludeTotal = false });
            walked.AddRange(page.Items.Select(r => r.Id));
            after = page.NextAfterId;
        }
        Assert.Equal(100, walked.Distinct().Count());
        Assert.Equal(walked.Order(), walked);

        var capped = await search.HandleAsync(new() { Tag = "煤炭经营", CountLimit = 40 });
        var exact = await search.HandleAsync(new() { Tag = "煤炭经营", CountLimit = 100 });
        Assert.Equal((40, true), (capped.Total, capped.TotalIsAtLeast));
        Assert.Equal((100, false), (exact.Total, exact.TotalIsAtLeast));

        var contains = await search.HandleAsync(new() { Name = "专用汽车", NameContains = true });
        Assert.Equal(10, contains.Total);
        var byUscc = await search.HandleAsync(new() { Uscc = "92411721dm0001817p" });
        Assert.Equal("西平县示例煤炭经营部001", byUscc.Items.Single().Name);
        var blacklisted = await search.HandleAsync(new() { Tag = "BLACKLIST", RiskClass = RiskClass.D, SeriousViolation = true });
        Assert.Equal(3, blacklisted.Total);
        var deregistered = await search.HandleAsync(new() { Status = EnterpriseStatus.Deregistered });
        Assert.Equal(4, deregistered.Total);
        Assert.Equal(100, (await search.HandleAsync(new() { PageSize = 1000 })).Items.Count);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Name_search_matches_anywhere_and_follows_renames(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var save = new SaveEnterprise.Handler(store.Db, store.Audit, store.Clock);
        var id = (await save.HandleAsync(Command("91411721DM0000013R", "西平县示例汽车销售有限公司001"), "planner")).Value;
        var other = await save.HandleAsync(Command(Uscc.Compose("91", "411721", "DM000002").Value, "驻马店市示例煤业有限公司"), "planner");
        Assert.True(other.IsSuccess, other.Error?.Message);
        var search = new SearchEnterprises.Handler(store.Fresh());

        Assert.Equal(id, (await search.HandleAsync(new() { Name = "汽车销售", NameContains = true })).Items.Single().Id); // middle, trigram index
        Assert.Equal(id, (await search.HandleAsync(new() { Name = "汽车", NameContains = true })).Items.Single().Id); // two characters, LIKE
        Assert.Equal(2, (await search.HandleAsync(new() { Name = "示例", NameContains = true })).Total);
        Assert.Empty((await search.HandleAsync(new() { Name = "销售汽车", NameContains = true })).Items);

        var renamed = Command("91411721DM0000013R", "西平县示例农机修理厂");
        renamed.Id = id;
        renamed.ExpectedVersion = (await store.Fresh().Enterprises.SingleAsync(e => e.Id == id)).RowVersion;
        Assert.True((await save.HandleAsync(renamed, "planner")).IsSuccess);
        var after = new SearchEnterprises.Handler(store.Fresh());
        Assert.Empty((await after.HandleAsync(new() { Name = "汽车销售", NameContains = true })).Items);
        Assert.Equal(id, (await after.HandleAsync(new() { Name = "农机修理", NameContains = true })).Items.Single().Id);
    }
}
