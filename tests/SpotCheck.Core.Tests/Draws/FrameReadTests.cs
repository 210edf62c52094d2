using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Draws;

/// <summary>
/// A freeze over a wide id range reads the candidates in parts, each on its own connection at once: the frame must be
/// every candidate exactly once, with its class, flags and status as stored.
/// </summary>
public sealed class FrameReadTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task A_frame_read_in_parts_holds_every_candidate_once_with_its_stored_attributes(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = new DrawKit(store);
        var item = await kit.MarketBureauWithTwoOfficersAsync();
        // Ids a hundred thousand apart: the id range is split into as many parts as there are cores (up to four).
        var statuses = new[] { EnterpriseStatus.Active, EnterpriseStatus.Deregistered, EnterpriseStatus.Active, EnterpriseStatus.Revoked,
            EnterpriseStatus.Active, EnterpriseStatus.MovedOut, EnterpriseStatus.Active, EnterpriseStatus.Active };
        var expectedFrame = new List<string>();
        var expectedExcluded = new List<string>();
        for (var i = 0; i < statuses.Length; i++)
        {
            var e = (await kit.EnterprisesAsync(1, i == 7 ? RiskClass.C : RiskClass.B, statuses[i], serialFrom: 10 + i, id: 1 + 100_000 * i)).Single();
            if (i == 7) continue; // class C is outside the plan
            if (statuses[i] == EnterpriseStatus.Active) expectedFrame.Add(e.Uscc + "\tB\t1");
            else expectedExcluded.Add(e.Uscc);
        }
        var planId = await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSJJ"], ppmB: 500_000));

        var drawId = await kit.FreezeAsync(planId);

        var draw = await store.Db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == drawId);
        Assert.Equal(expectedFrame.Order(StringComparer.Ordinal), draw.PopulationTsv.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(expectedExcluded.Order(StringComparer.Ordinal),
            draw.ExcludedTsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]));
        Assert.Contains("INELIGIBLE:DEREGISTERED", draw.ExcludedTsv, StringComparison.Ordinal);
        Assert.Contains("INELIGIBLE:MOVED_OUT", draw.ExcludedTsv, StringComparison.Ordinal);
    }
}
