using SpotCheck.Core.Audit;
using SpotCheck.Core.Tests.TestSupport;
using SpotCheck.Draw.Audit;
using static SpotCheck.Core.Tests.Audit.AuditTestKit;

namespace SpotCheck.Core.Tests.Audit;

public sealed class AuditReaderTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Head_of_an_empty_chain_is_seq_0_and_64_zeros(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        Assert.Equal(new AuditHead(0, LogChain.Genesis), await HeadAsync(database));
        Assert.Equal("", await ExportAsync(database));
        Assert.Equal($"OK 0 entries head={LogChain.Genesis}", (await VerifyDatabaseAsync(database)).ToString());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Export_round_trips_through_audit_verify_with_the_database_head(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var entries = await AppendManyAsync(database, 23);

        var jsonl = await ExportAsync(database, pageSize: 5);

        Assert.Equal(23, jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("检查事项“7”", jsonl, StringComparison.Ordinal); // Chinese stays readable
        var head = await HeadAsync(database);
        Assert.Equal(new AuditHead(23, entries[^1].Hash), head);
        Assert.Equal($"OK 23 entries head={head.Hash}", VerifyFile(jsonl).ToString());
    }

    [SkippableFact]
    public async Task Export_lines_keep_the_field_order_of_draw_spec_7_1_and_the_stored_payload()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var entry = (await AppendManyAsync(database!, 1))[0];

        var line = await ExportAsync(database!);

        Assert.Equal(
            "{\"seq\":1,\"ts\":\"2026-03-02T01:30:00.000Z\",\"type\":\"ITEM_CREATED\",\"drawId\":null,\"actor\":\"planner-1\"," +
            "\"payload\":{\"n\":1,\"名称\":\"检查事项“1”\\n第二行\"}," +
            $"\"prev\":\"{LogChain.Genesis}\",\"hash\":\"{entry.Hash}\"}}\n",
            line);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Verification_walks_page_boundaries(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var entries = await AppendManyAsync(database, 12);

        foreach (var pageSize in new[] { 1, 4, 5, 12, 13 })
        {
            var verified = await VerifyDatabaseAsync(database, pageSize);
            Assert.True(verified.IsIntact, $"page size {pageSize}: {verified}");
            Assert.Equal(12, verified.Count);
            Assert.Equal(entries[^1].Hash, verified.Head);
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task List_filters_by_type_and_draw_and_pages_newest_first(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var log = new AuditLog(db, TimeProvider.System);
            for (var i = 1; i <= 7; i++) await log.AppendAsync(Event(i, "PLAN", drawId: i % 2 == 0 ? "XP-2026-001" : "XP-2026-002"));
            for (var i = 8; i <= 10; i++) await log.AppendAsync(Event(i, "ITEM_CREATED"));
        }

        await using var read = database.CreateContext();
        var reader = new AuditReader(read);

        var all = await reader.ListAsync(new AuditQuery(PageSize: 4, Page: 2));
        Assert.Equal(10, all.Total);
        Assert.Equal([6L, 5, 4, 3], all.Items.Select(e => e.Seq));

        var plans = await reader.ListAsync(new AuditQuery(Type: "PLAN"));
        Assert.Equal(7, plans.Total);
        Assert.All(plans.Items, e => Assert.Equal("PLAN", e.Type));

        var draw = await reader.ListAsync(new AuditQuery(DrawId: "XP-2026-001"));
        Assert.Equal([6L, 4, 2], draw.Items.Select(e => e.Seq));

        var both = await reader.ListAsync(new AuditQuery(Type: "ITEM_CREATED", DrawId: "XP-2026-001"));
        Assert.Equal(0, both.Total);
        Assert.Empty(both.Items);

        Assert.Equal(3, (await reader.FindAsync(3))?.Seq);
        Assert.Null(await reader.FindAsync(11));
    }

    [SkippableFact]
    public async Task Page_size_is_clamped_to_100()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await AppendManyAsync(database!, 105);
        await using var db = database!.CreateContext();

        var page = await new AuditReader(db).ListAsync(new AuditQuery(PageSize: 1000, Page: 0));

        Assert.Equal(105, page.Total);
        Assert.Equal(AuditReader.MaxPageSize, page.Items.Count);
        Assert.Equal(105, page.Items[0].Seq);
    }

    [SkippableFact]
    public async Task Stored_timestamp_reads_back_as_utc()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var entry = (await AppendManyAsync(database!, 1))[0];

        Assert.Equal(new DateTime(2026, 3, 2, 1, 30, 0, DateTimeKind.Utc), entry.TimestampUtc);
        Assert.Equal(DateTimeKind.Utc, entry.TimestampUtc.Kind);
    }
}
