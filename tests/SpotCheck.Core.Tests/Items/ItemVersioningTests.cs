using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Items;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Items;

public sealed class ItemVersioningTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    static SaveItem.Command Coal(int departmentId, string content = "告知性备案及变更", string from = "2026-01-01") => new()
    {
        Code = "DEMO-COAL", Name = "煤炭经营", EnforcementBody = "西平县科技和工业信息化局", LegalBasis = "《煤炭法》",
        DepartmentId = departmentId, TargetType = "ENTERPRISE", Content = content, Methods = "DOCUMENT;ONSITE",
        Category = "GENERAL", RatioFrequencyNote = "5%，每年一次", EffectiveFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
    };

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Editing_a_published_item_creates_a_new_version_and_leaves_the_old_unchanged(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var dept = await store.DepartmentAsync();
        var save = new SaveItem.Handler(store.Db, store.Audit, store.Clock);
        var publish = new PublishItem.Handler(store.Db, store.Audit, store.Clock);

        var v1 = (await save.HandleAsync(Coal(dept.Id), "planner")).Value;
        Assert.True((await publish.HandleAsync(v1, "planner")).IsSuccess);
        var v2 = (await save.HandleAsync(Coal(dept.Id, "年度报告报送", "2026-07-01"), "planner")).Value;
        Assert.NotEqual(v1, v2);

        await using (var fresh = store.Fresh())
        {
            var old = await fresh.InspectionItems.SingleAsync(i => i.Id == v1);
            Assert.Equal((1, ItemStatus.Published, "告知性备案及变更", (DateOnly?)null), (old.Version, old.Status, old.Content, old.EffectiveTo));
            var draft = await fresh.InspectionItems.SingleAsync(i => i.Id == v2);
            Assert.Equal((2, ItemStatus.Draft, "年度报告报送"), (draft.Version, draft.Status, draft.Content));
        }

        Assert.True((await publish.HandleAsync(v2, "planner")).IsSuccess);
        await using (var fresh = store.Fresh())
        {
            var versions = await fresh.InspectionItems.OrderBy(i => i.Version).ToListAsync();
            Assert.Equal(new DateOnly(2026, 6, 30), versions[0].EffectiveTo);
            Assert.Equal(ItemStatus.Retired, versions[0].Status);
            Assert.Equal("告知性备案及变更", versions[0].Content);
            Assert.Equal(ItemStatus.Published, versions[1].Status);
            Assert.True(versions[0].IsInForceOn(new DateOnly(2026, 6, 30)));
            Assert.False(versions[0].IsInForceOn(new DateOnly(2026, 7, 1)));
            var types = await fresh.AuditEntries.OrderBy(e => e.Seq).Select(e => e.Type).ToListAsync();
            Assert.Equal(["ITEM_CREATED", "ITEM_PUBLISHED", "ITEM_UPDATED", "ITEM_PUBLISHED"], types);
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_draft_is_edited_in_place(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var dept = await store.DepartmentAsync();
        var save = new SaveItem.Handler(store.Db, store.Audit, store.Clock);

        var first = (await save.HandleAsync(Coal(dept.Id), "planner")).Value;
        var second = (await save.HandleAsync(Coal(dept.Id, "购销合同签订与履行"), "planner")).Value;

        Assert.Equal(first, second);
        await using var fresh = store.Fresh();
        var only = await fresh.InspectionItems.SingleAsync();
        Assert.Equal((1, "购销合同签订与履行"), (only.Version, only.Content));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Invalid_input_names_the_field_and_saves_nothing(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var dept = await store.DepartmentAsync();
        var command = Coal(dept.Id);
        command.Methods = "ONSITE;PHONE";

        var result = await new SaveItem.Handler(store.Db, store.Audit, store.Clock).HandleAsync(command, "planner");

        Assert.Equal(("Methods", "item.methods"), (result.Error!.Field, result.Error.Code));
        Assert.Contains("PHONE", result.Error.Message);
        await using var fresh = store.Fresh();
        Assert.Equal(0, await fresh.InspectionItems.CountAsync());
    }

    [SkippableFact]
    public void A_published_version_cannot_be_edited_in_place()
    {
        var data = new ItemData("煤炭经营", "局", "法", 1, TargetType.Enterprise, "内容", ["DOCUMENT"], ItemCategory.General, "", new DateOnly(2026, 1, 1));
        var item = InspectionItem.CreateDraft("X", data, DateTime.UnixEpoch);
        item.Publish(null, DateTime.UnixEpoch);
        Assert.Equal("item.not_draft", item.EditDraft(data with { Content = "改" }).Error!.Code);
        Assert.Equal("内容", item.Content);
    }
}
