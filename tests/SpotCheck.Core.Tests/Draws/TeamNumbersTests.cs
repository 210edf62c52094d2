using SpotCheck.Core.Draws;

namespace SpotCheck.Core.Tests.Draws;

public sealed class TeamNumbersTests
{
    static readonly OfficerNumbers Officers = new(["INS-2", "INS-10", "INS-1", "INS-2"]);

    [Fact]
    public void Officer_numbers_follow_ordinal_code_order()
    {
        Assert.Equal(["INS-1", "INS-10", "INS-2"], Officers.Codes);
        Assert.True(Officers.TryGetNumber("INS-2", out var two));
        Assert.Equal(2, two);
        Assert.False(Officers.TryGetNumber("INS-3", out _));
    }

    [Fact]
    public void A_team_keeps_this_draws_officers_only_in_ascending_number()
    {
        var teams = new TeamNumbers(Officers);

        var first = teams.Read("INS-2;OTHER;INS-1");
        var none = teams.Read("OTHER");
        var second = teams.Read("INS-10");

        Assert.Equal(new TeamNumbers.Slice(0, 2), first);
        Assert.Equal(default, none);
        Assert.Equal(default, teams.Read(null));
        Assert.Equal(new TeamNumbers.Slice(2, 1), second);
        Assert.Equal([0, 2, 1], teams.Members);
        Assert.Equal(new TeamNumbers.Slice(7, 1), second.After(5));
    }

    [Fact]
    public void Teams_by_id_are_found_in_any_read_order_whether_the_lookups_come_in_id_order_or_not()
    {
        var rows = new List<(int, TeamNumbers.Slice)> { (5, new(1, 2)), (3, new(0, 1)), (9, new(3, 1)) };
        int[] ids = [1, 2, 3, 4, 5, 6, 9, 10];
        var expected = ids.Select(id => rows.Where(r => r.Item1 == id).Select(r => r.Item2).FirstOrDefault()).ToList();

        var inOrder = new TeamsById(rows);
        Assert.Equal(expected, [.. ids.Select(inOrder.Find)]);

        var shuffled = new TeamsById(rows);
        int[] order = [6, 0, 4, 2, 7, 1, 5, 3, 4, 2];
        Assert.Equal([.. order.Select(i => expected[i])], [.. order.Select(i => shuffled.Find(ids[i]))]);

        Assert.Equal(default, new TeamsById([]).Find(1));
    }
}
