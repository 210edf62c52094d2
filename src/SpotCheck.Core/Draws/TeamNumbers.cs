namespace SpotCheck.Core.Draws;

/// <summary>A draw's officer codes in ordinal order, each known by its position: a team is a few numbers, not a string.</summary>
public sealed class OfficerNumbers
{
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _numberOf;

    public OfficerNumbers(IEnumerable<string> codes)
    {
        Codes = [.. codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _numberOf = Codes.Select((code, i) => (code, i)).ToDictionary(c => c.code, c => c.i, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Ascending number is ordinal code order.</summary>
    public string[] Codes { get; }

    /// <summary>Read-only after construction, so the parts of a frame read look codes up at once.</summary>
    public bool TryGetNumber(ReadOnlySpan<char> code, out int number) => _numberOf.TryGetValue(code, out number);
}

/// <summary>
/// Latest teams (';'-separated officer codes) turned into officer numbers as they are read: the numbers of this draw's
/// officers only, ascending, one team after another in <see cref="Members"/>.
/// </summary>
public sealed class TeamNumbers(OfficerNumbers officers)
{
    /// <summary>Where a team's numbers lie in <see cref="Members"/>; the default is no team.</summary>
    public readonly record struct Slice(int Start, int Count)
    {
        /// <summary>The same team once the numbers before it are moved up by <paramref name="offset"/> places.</summary>
        public Slice After(int offset) => this with { Start = Start + offset };
    }

    public List<int> Members { get; } = [];

    /// <summary>Where a team's text is read into, so half a million teams are not half a million strings (the column holds up to 2,000 characters).</summary>
    readonly char[] _text = new char[2001];

    public Slice Read(string? team) => team is null ? default : Read(team.AsSpan());

    public Slice Read(ReadOnlySpan<char> team)
    {
        var start = Members.Count;
        foreach (var range in team.Split(';'))
            if (officers.TryGetNumber(team[range], out var number)) InsertInOrder(start, number);
        return Members.Count == start ? default : new Slice(start, Members.Count - start);
    }

    /// <summary>
    /// The team in column <paramref name="ordinal"/> of the reader's current row, decoded into a buffer instead of a
    /// string: for Npgsql, whose GetChars does that (SQLite's reads through a stream and took twice as long as a string).
    /// </summary>
    public Slice ReadChars(System.Data.Common.DbDataReader reader, int ordinal)
    {
        var read = (int)reader.GetChars(ordinal, 0, _text, 0, _text.Length);
        return read < _text.Length ? Read(_text.AsSpan(0, read)) : Read(reader.GetString(ordinal));
    }

    void InsertInOrder(int start, int number)
    {
        var at = Members.Count;
        while (at > start && Members[at - 1] > number) at--;
        Members.Insert(at, number);
    }
}

/// <summary>
/// Latest teams by enterprise id, sorted by id. Candidates mostly come in id order, so each is first looked for just
/// after the last one found; a row out of order is found by binary search.
/// </summary>
public sealed class TeamsById
{
    readonly int[] _ids;
    readonly TeamNumbers.Slice[] _teams;
    int _next;

    public TeamsById(List<(int Id, TeamNumbers.Slice Team)> rows)
    {
        _ids = new int[rows.Count];
        _teams = new TeamNumbers.Slice[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            _ids[i] = rows[i].Id;
            _teams[i] = rows[i].Team;
        }
        Array.Sort(_ids, _teams);
    }

    public TeamNumbers.Slice Find(int id)
    {
        if (_next < _ids.Length && _ids[_next] >= id && (_next == 0 || _ids[_next - 1] < id))
            return _ids[_next] == id ? _teams[_next++] : default;
        var at = Array.BinarySearch(_ids, id);
        if (at < 0)
        {
            _next = ~at;
            return default;
        }
        _next = at + 1;
        return _teams[at];
    }
}
