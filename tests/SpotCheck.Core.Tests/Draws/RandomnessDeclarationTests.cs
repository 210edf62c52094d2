using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Tests.Data;
using SpotCheck.Core.Tests.TestSupport;

namespace SpotCheck.Core.Tests.Draws;

/// <summary>The public randomness must be of the kind declared at freeze time (draw-spec §6.4: named in advance).</summary>
public sealed class RandomnessDeclarationTests
{
    public static TheoryData<DbProvider> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [InlineData("dice：两名人员现场掷骰", "dice")]
    [InlineData("drand+dice: quicknet 第N轮加现场掷骰", "dice,drand")]
    [InlineData("nist", "nist")]
    [InlineData("骰子", null)]
    [InlineData("dice+coin：", null)]
    [InlineData("", null)]
    public void A_declaration_names_its_kinds_before_the_colon(string source, string? kinds) =>
        Assert.Equal(kinds, PublicRandomnessFormat.DeclaredKinds(source) is { } k ? string.Join(",", k.Order(StringComparer.Ordinal)) : null);

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Freeze_refuses_a_free_text_source_and_entry_refuses_another_kind(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var store = new Store(database);
        var kit = new DrawKit(store);
        var dept = await kit.DepartmentAsync("XPSJJ", "西平县市场监督管理局");
        for (var i = 1; i <= 2; i++) await kit.OfficerAsync(dept, $"INS-{i:D4}");
        var item = await kit.ItemAsync(dept);
        await kit.EnterprisesAsync(3);
        var planId = await kit.PublishedPlanAsync(DrawKit.PlanCommand([item.Id], ["XPSJJ"]));

        var freeze = new FreezeDraw.Handler(store.Db, store.Audit, store.Clock);
        var refused = await freeze.HandleAsync(new FreezeDraw.Command { PlanId = planId, RandomnessSource = "现场掷骰子" }, "planner");
        Assert.Equal(("draw.source", "randomnessSource"), (refused.Error?.Code, refused.Error?.Field));
        Assert.False(await store.Fresh().DrawSessions.AnyAsync());

        var drawId = await kit.FreezeAsync(planId); // declares dice
        await kit.CommitBothAsync(drawId);
        var enter = new EnterPublicRandomness.Handler(store.Db, store.Audit, store.Clock);
        var drand = "drand:quicknet:1234:" + new string('a', 64);
        var wrong = await enter.HandleAsync(drawId, drand, "planner");
        Assert.Equal("draw.randomness_kind", wrong.Error?.Code);
        Assert.Contains("drand", wrong.Error!.Message);
        Assert.Equal("draw.randomness_kind", (await enter.HandleAsync(drawId, DrawKit.Dice + "," + drand, "planner")).Error?.Code);
        await kit.RandomnessAsync(drawId);
        Assert.Equal(DrawStatus.RandomnessEntered, (await store.Fresh().DrawSessions.SingleAsync()).Status);
    }
}
