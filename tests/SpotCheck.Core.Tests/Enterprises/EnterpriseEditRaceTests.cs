using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Common;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;
using static SpotCheck.Core.Tests.Enterprises.EnterpriseDirectoryTests;

namespace SpotCheck.Core.Tests.Enterprises;

/// <summary>Two people editing one enterprise at once: one wins, the other is told what changed (issue 9, lost updates).</summary>
public sealed class EnterpriseEditRaceTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    const string Code = "91411721DM0000013R";

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Simultaneous_edits_of_one_version_keep_one_and_return_both_values_to_the_other(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var id = (await new SaveEnterprise.Handler(store.Db, store.Audit, store.Clock).HandleAsync(Command(Code), "planner")).Value;
        var version = (await store.Fresh().Enterprises.SingleAsync(e => e.Id == id)).RowVersion;

        var results = await Race.RunAsync(database, store.Clock, 4, (i, db, audit) =>
        {
            var edit = Command(Code);
            (edit.Id, edit.ExpectedVersion, edit.ContactPhone) = (id, version, $"0396-111000{i}");
            return new SaveEnterprise.Handler(db, audit, store.Clock).HandleAsync(edit, $"clerk{i}");
        });

        var winner = Assert.Single(results.Select((r, i) => (r, i)), x => x.r.IsSuccess).i;
        foreach (var lost in results.Where(r => !r.IsSuccess))
        {
            Assert.Equal((ErrorKind.Conflict, "concurrency.stale"), (lost.Error!.Kind, lost.Error.Code));
            var conflict = Assert.Single(lost.Error.Conflicts);
            Assert.Equal(("ContactPhone", "联系电话", $"0396-111000{winner}"), (conflict.Field, conflict.Label, conflict.Current));
            Assert.StartsWith("0396-111000", conflict.Submitted);
            Assert.Contains("联系电话", lost.Error.Message);
        }
        await using var check = store.Fresh();
        var saved = await check.Enterprises.Include(e => e.Changes).SingleAsync(e => e.Id == id);
        Assert.Equal($"0396-111000{winner}", saved.ContactPhone);
        var change = Assert.Single(saved.Changes);
        Assert.Equal(("0396-0000001", $"0396-111000{winner}"), (change.OldValue, change.NewValue));
        Assert.Equal(version + 1, saved.RowVersion);
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Type == "ENTERPRISE_UPDATED"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_stale_edit_saves_nothing_and_the_current_version_saves(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var save = new SaveEnterprise.Handler(store.Db, store.Audit, store.Clock);
        var id = (await save.HandleAsync(Command(Code), "planner")).Value;

        var first = Command(Code);
        (first.Id, first.ExpectedVersion, first.Address) = (id, 0, "西平县新地址1号");
        Assert.True((await save.HandleAsync(first, "a")).IsSuccess);
        store.Db.ChangeTracker.Clear();

        var stale = Command(Code);
        (stale.Id, stale.ExpectedVersion, stale.RiskClass) = (id, 0, "C");
        var refused = await save.HandleAsync(stale, "b");
        Assert.Equal("concurrency.stale", refused.Error?.Code);
        // The other person's address and this person's risk class both differ from what is stored.
        Assert.Equal(["Address", "RiskClass"], refused.Error!.Conflicts.Select(c => c.Field).Order(StringComparer.Ordinal));

        stale.ExpectedVersion = 1;
        Assert.True((await save.HandleAsync(stale, "b")).IsSuccess);
        await using var check = store.Fresh();
        var saved = await check.Enterprises.SingleAsync(e => e.Id == id);
        Assert.Equal((RiskClass.C, "河南省驻马店市西平县示例大道1号", 2), (saved.RiskClass, saved.Address, saved.RowVersion));
    }
}
