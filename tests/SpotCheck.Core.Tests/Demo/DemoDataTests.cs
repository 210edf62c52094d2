using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Audit;
using SpotCheck.Core.Demo;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Items;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Demo;

public sealed class DemoDataTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [InlineData(1, "91411721DM0000013R")]
    [InlineData(11, "91411721DM000011X0")]
    [InlineData(101, "91411721DM0001016A")]
    [InlineData(181, "92411721DM0001817P")]
    public void Generated_codes_match_the_published_list(int serial, string expected) =>
        Assert.Equal(expected, DemoData.UsccFor(serial).Value);

    [SkippableFact]
    public void Every_demo_code_round_trips_through_the_validator_without_warning()
    {
        var all = DemoData.Enterprises().ToList();
        Assert.Equal(200, all.Select(e => e.Uscc).Distinct().Count());
        Assert.All(all, e =>
        {
            var parsed = Uscc.Parse(e.Uscc);
            Assert.True(parsed.IsSuccess, parsed.Error?.Message);
            Assert.Null(parsed.Value.Warning);
        });
    }

    [SkippableFact]
    public void Risk_classes_flags_and_stale_cases_follow_the_guidance()
    {
        var all = DemoData.Enterprises().ToList();
        var classes = all.GroupBy(e => e.RiskClass).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal((60, 100, 30, 10), (classes[RiskClass.A], classes[RiskClass.B], classes[RiskClass.C], classes[RiskClass.D]));
        var blacklist = all.Where(e => e.Tags.Contains("BLACKLIST")).ToList();
        Assert.Equal(3, blacklist.Count);
        Assert.All(blacklist, e => Assert.Equal(RiskClass.D, e.RiskClass));
        Assert.Equal(5, all.Count(e => e.AbnormalList));
        Assert.Equal(3, all.Count(e => e.Tags.Contains("ADDRESS_UNREACHABLE")));
        var statuses = all.GroupBy(e => e.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal((192, 4, 2, 2), (statuses[EnterpriseStatus.Active], statuses[EnterpriseStatus.Deregistered],
            statuses[EnterpriseStatus.Revoked], statuses[EnterpriseStatus.MovedOut]));
        Assert.Equal(all.Select(e => (e.Uscc, e.RiskClass)), DemoData.Enterprises().Select(e => (e.Uscc, e.RiskClass)));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Seeding_is_idempotent_and_removal_deletes_the_whole_dataset(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);

        Assert.True(await DemoData.SeedAsync(store.Db, store.Audit, store.Clock) > 2 + 4 + 2 + 200); // directories, then the history's steps
        Assert.Equal(0, await DemoData.SeedAsync(store.Db, store.Audit, store.Clock));

        await using (var fresh = store.Fresh())
        {
            Assert.Equal(200, await fresh.Enterprises.CountAsync(e => e.IsDemo));
            Assert.Equal(["张明", "李华"], await fresh.Officers.Where(o => o.Department!.Code == DemoData.DepartmentCode).OrderBy(o => o.Code).Select(o => o.Name).ToListAsync());
            Assert.Equal(2, await fresh.InspectionItems.CountAsync(i => i.IsDemo && i.Status == ItemStatus.Published));
            Assert.Equal("DEMO_SEEDED", await fresh.AuditEntries.OrderBy(e => e.Seq).Select(e => e.Type).FirstAsync());
        }

        var entriesBefore = await store.Db.AuditEntries.CountAsync();
        var removed = await DemoData.RemoveAsync(store.Db, store.Audit, "admin");

        Assert.True(removed > 208);
        await using var after = store.Fresh();
        Assert.Equal(0, await after.Enterprises.CountAsync());
        Assert.Equal(0, await after.EnterpriseTags.CountAsync());
        Assert.Equal(0, await after.Officers.CountAsync());
        Assert.Equal(0, await after.InspectionItems.CountAsync());
        Assert.Equal(0, await after.Departments.CountAsync());
        Assert.Equal(0, await after.Plans.CountAsync());
        Assert.Equal(0, await after.DrawSessions.CountAsync());
        Assert.Equal(0, await after.DrawSelections.CountAsync());
        Assert.Equal(0, await after.InspectionTasks.CountAsync());
        Assert.Equal(0, await after.TaskMembers.CountAsync());
        Assert.Equal(0, await after.InspectionRecords.CountAsync());
        Assert.Equal(0, await after.FollowUpActions.CountAsync());
        Assert.Equal(entriesBefore + 1, await after.AuditEntries.CountAsync()); // history stays; DEMO_REMOVED is appended
        Assert.Equal("DEMO_REMOVED", await after.AuditEntries.OrderByDescending(e => e.Seq).Select(e => e.Type).FirstAsync());
        Assert.Null((await AuditChainVerifier.VerifyAsync(after, CancellationToken.None)).Break);
    }
}
