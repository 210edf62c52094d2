using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Enterprises;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Draws;

/// <summary>
/// A freeze over a wide id range reads the candidates in parts, each on its own connection at once: the frame must be
/// every candidate exactly once, with its class, flags and status as stored, and each part reads its own range of
/// latest teams: all of them for a plan over the whole directory, its candidates' only for a plan that filters.
/// </summary>
public sealed class FrameReadTests
{
    public static TheoryData<DbProvider, bool> Cases()
    {
        var cases = new TheoryData<DbProvider, bool>();
        foreach (var provider in TestDatabase.Providers)
            foreach (var wholeDirectory in new[] { false, true }) cases.Add(provider, wholeDirectory);
        return cases;
    }

    [SkippableTheory, MemberData(nameof(Cases))]
    public async Task A_frame_read_in_parts_holds_every_candidate_once_with_its_stored_attributes(DbProvider provider, bool wholeDirectory)
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
            if (i == 7 && !wholeDirectory) continue; // class C is outside a plan over class B
            if (statuses[i] == EnterpriseStatus.Active) expectedFrame.Add(e.Uscc + (i == 7 ? "\tC\t1" : "\tB\t1"));
            else expectedExcluded.Add(e.Uscc);
        }
        var codes = await store.Db.Officers.OrderBy(o => o.Code).Select(o => o.Code).ToListAsync();
        var byId = await store.Db.Enterprises.ToDictionaryAsync(e => e.Id, e => e.Uscc);
        (int Id, string Team)[] teams = [(1, $"{codes[1]};{codes[0]}"), (1 + 100_000, codes[0]), (1 + 200_000, $"NOT-AN-OFFICER;{codes[1]}"),
            (1 + 600_000, "NOT-AN-OFFICER"), (1 + 700_000, codes[0])];
        foreach (var (id, team) in teams) store.Db.LatestTeams.Add(new LatestTeam(id, byId[id], "2025-P1-01", new DateOnly(2025, 6, 1), team));
        await store.Db.SaveChangesAsync();
        var command = DrawKit.PlanCommand([item.Id], ["XPSJJ"], ppmB: 500_000);
        if (wholeDirectory) command.RatioPpm = new() { ["A"] = 500_000, ["B"] = 500_000, ["C"] = 500_000, ["D"] = 500_000 };
        var planId = await kit.PublishedPlanAsync(command);

        var drawId = await kit.FreezeAsync(planId);

        var draw = await store.Db.DrawSessions.AsNoTracking().SingleAsync(d => d.DrawId == drawId);
        Assert.Equal(expectedFrame.Order(StringComparer.Ordinal), draw.PopulationTsv.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(expectedExcluded.Order(StringComparer.Ordinal),
            draw.ExcludedTsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]));
        Assert.Contains("INELIGIBLE:DEREGISTERED", draw.ExcludedTsv, StringComparison.Ordinal);
        Assert.Contains("INELIGIBLE:MOVED_OUT", draw.ExcludedTsv, StringComparison.Ordinal);
        // Frame members only (not the deregistered one, nor class C outside the plan), officers of this draw only, codes
        // in ordinal order.
        List<string> previous = [$"{byId[1]}\t{codes[0]}", $"{byId[1]}\t{codes[1]}", $"{byId[1 + 200_000]}\t{codes[1]}"];
        if (wholeDirectory) previous.Add($"{byId[1 + 700_000]}\t{codes[0]}");
        Assert.Equal(previous.Order(StringComparer.Ordinal), draw.PreviousTeamsTsv.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
