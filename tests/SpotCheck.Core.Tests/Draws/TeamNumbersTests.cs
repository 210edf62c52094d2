using Microsoft.EntityFrameworkCore;
using SpotCheck.Core.Draws;
using SpotCheck.Core.Tests.TestSupport;

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

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_team_read_from_a_column_into_the_buffer_is_the_same_as_read_from_its_string_however_long(DbProvider provider)
    {
        var longTeam = string.Join(';', Enumerable.Repeat("OTHER-OFFICER", 200)) + ";INS-10;INS-1";
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT @short UNION ALL SELECT @long";
        foreach (var (name, value) in new[] { ("short", "INS-2;INS-1"), ("long", longTeam) })
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = ("@" + name, value);
            command.Parameters.Add(parameter);
        }
        var (fromColumn, fromString) = (new TeamNumbers(Officers), new TeamNumbers(Officers));

        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) Assert.Equal(fromString.Read(reader.GetString(0)), fromColumn.ReadChars(reader, 0));

        Assert.True(longTeam.Length > 2_000);
        Assert.Equal([0, 2, 0, 1], fromColumn.Members);
        Assert.Equal(fromString.Members, fromColumn.Members);
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
