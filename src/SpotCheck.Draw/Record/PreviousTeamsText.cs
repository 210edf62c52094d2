using System.Collections;

namespace SpotCheck.Draw.Record;

/// <summary>
/// previous_teams.tsv (draw-spec §5.1, §6.1) kept as its text. A target's team is found by binary search over the
/// targets' first lines, so a run that staffs ten thousand targets reads ten thousand teams, not the million lines a
/// province's years of history leave. A freeze writes it line by line in order (<see cref="Builder"/>); a stored
/// text is checked once, in one pass that copies nothing, when it is read back (<see cref="TryParse"/>).
/// </summary>
public sealed class PreviousTeamsText : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    /// <summary>Where each target's first line starts, in line order, then the text's length.</summary>
    readonly int[] _targets;

    PreviousTeamsText(string text, int[] targets) => (Text, _targets) = (text, targets);

    public static PreviousTeamsText Empty { get; } = new("", [0]);

    public string Text { get; }

    public int Count => _targets.Length - 1;

    /// <summary>
    /// Checks the snapshot rules (LF-terminated lines of two valid ids, sorted, none repeated) and indexes the targets;
    /// the problem, naming the line, when the text breaks one.
    /// </summary>
    public static string? TryParse(string text, out PreviousTeamsText teams)
    {
        teams = Empty;
        if (text.Length == 0) return null;
        if (text[^1] != '\n') return "last line is not terminated by LF";
        var targets = new List<int>();
        var previous = ReadOnlySpan<char>.Empty;
        var previousTarget = ReadOnlySpan<char>.Empty;
        var line = 0;
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            var current = text.AsSpan(start, end - start);
            line++;
            var tab = current.IndexOf('\t');
            if (tab < 0 || current[(tab + 1)..].Contains('\t'))
                return $"line {line} has {current.Count('\t') + 1} fields, expected 2";
            var target = current[..tab];
            if (!DrawIds.IsValidId(target)) return $"line {line}: {DrawIds.DescribeBadId(target.ToString())}";
            if (!DrawIds.IsValidId(current[(tab + 1)..])) return $"line {line}: {DrawIds.DescribeBadId(current[(tab + 1)..].ToString())}";
            if (line > 1 && previous.SequenceCompareTo(current) >= 0) return $"line {line} is out of order or repeated";
            if (line == 1 || !target.SequenceEqual(previousTarget)) targets.Add(start);
            previous = current;
            previousTarget = target;
            start = end + 1;
        }
        targets.Add(text.Length);
        teams = new PreviousTeamsText(text, [.. targets]);
        return null;
    }

    public bool TryGetValue(string key, out IReadOnlyList<string> value)
    {
        var (low, high) = (0, Count - 1);
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var order = TargetAt(middle).SequenceCompareTo(key);
            if (order == 0)
            {
                value = TeamAt(middle);
                return true;
            }
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        value = [];
        return false;
    }

    public IReadOnlyList<string> this[string key] => TryGetValue(key, out var team) ? team : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public IEnumerable<string> Keys => Enumerable.Range(0, Count).Select(i => TargetAt(i).ToString());

    public IEnumerable<IReadOnlyList<string>> Values => Enumerable.Range(0, Count).Select(TeamAt);

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return new(TargetAt(i).ToString(), TeamAt(i));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Valid ids hold no TAB or control character, so target order is line order and a target's lines are adjacent.
    ReadOnlySpan<char> TargetAt(int i)
    {
        var line = Text.AsSpan(_targets[i]);
        return line[..line.IndexOf('\t')];
    }

    List<string> TeamAt(int i)
    {
        var team = new List<string>();
        for (var start = _targets[i]; start < _targets[i + 1];)
        {
            var end = Text.IndexOf('\n', start);
            team.Add(Text[(Text.IndexOf('\t', start) + 1)..end]);
            start = end + 1;
        }
        return team;
    }

    /// <summary>
    /// Writes the lines as the targets' teams come, into one growing buffer. Targets added in ordinal order with their
    /// members in ordinal order (a freeze writing its rows in that order) give the text as written; anything else is
    /// sorted once at the end. No list or array per target: a province's half a million teams are just text.
    /// </summary>
    /// <param name="capacity">Targets expected.</param>
    /// <param name="length">Characters expected, when the caller knows (growing the buffer copies it).</param>
    public sealed class Builder(int capacity = 0, int length = 0)
    {
        /// <summary>Characters reserved per expected target when the length is not given (an 18-character id and a short code).</summary>
        const int LineEstimate = 32;

        readonly List<int> _starts = new(capacity);
        char[] _text = new char[Math.Max(256, length > 0 ? length : capacity * LineEstimate)];
        int _length;
        int _lastLine = -1;
        bool _inOrder = true;

        public void Add(string target, IReadOnlyList<string> team) => Add(target, new ReadOnlySpan<string>(team as string[] ?? [.. team]));

        public void Add(string target, ReadOnlySpan<string> team)
        {
            if (team.IsEmpty) return;
            _starts.Add(_length);
            foreach (var member in team)
            {
                var line = _length;
                Reserve(target.Length + member.Length + 2);
                target.CopyTo(_text.AsSpan(_length));
                _length += target.Length;
                _text[_length++] = '\t';
                member.CopyTo(_text.AsSpan(_length));
                _length += member.Length;
                if (_lastLine >= 0 && _inOrder && _text.AsSpan(_lastLine, line - 1 - _lastLine).SequenceCompareTo(_text.AsSpan(line, _length - line)) >= 0)
                    _inOrder = false;
                _text[_length++] = '\n';
                _lastLine = line;
            }
        }

        void Reserve(int more)
        {
            if (_length + more <= _text.Length) return;
            Array.Resize(ref _text, Math.Max(_length + more, checked(_text.Length * 2)));
        }

        public PreviousTeamsText Build()
        {
            var text = new string(_text, 0, _length);
            if (_inOrder) return new PreviousTeamsText(text, [.. _starts, _length]);
            text = SortedLines.Join(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            return TryParse(text, out var teams) is { } problem ? throw new InvalidOperationException($"previous teams: {problem}") : teams;
        }
    }
}
