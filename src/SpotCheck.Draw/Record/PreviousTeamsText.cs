using System.Collections;

namespace SpotCheck.Draw.Record;

/// <summary>
/// previous_teams.tsv (draw-spec §5.1, §6.1) kept as its text. A target's team is found by binary search over the
/// targets' first lines, so a run that staffs ten thousand targets reads ten thousand teams, not the million lines a
/// province's years of history leave. A freeze writes it line by line in order, straight into its string (<see cref="Write"/>); a stored
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
    /// The text of a length known before its first line is written (a freeze sums its half a million teams first),
    /// written by <paramref name="write"/> straight into its string: no buffer to grow, no copy of it. Targets written
    /// in ordinal order with their members in ordinal order give the text as written; anything else is sorted once at
    /// the end. Writing more or less than <paramref name="length"/> characters is a caller's error.
    /// </summary>
    /// <param name="targets">Targets expected.</param>
    public static PreviousTeamsText Write<TState>(int length, int targets, TState state, WriteLines<TState> write)
    {
        var lines = new Lines(targets);
        var text = string.Create(length, (state, write, lines), static (span, arg) =>
        {
            var writer = new Writer(span, arg.lines);
            arg.write(arg.state, ref writer);
        });
        return lines.Length == length ? lines.Finish(text)
            : throw new InvalidOperationException($"previous teams: {lines.Length} characters written where {length} were announced");
    }

    public delegate void WriteLines<in TState>(TState state, ref Writer lines);

    /// <summary>Adds lines to a text of a fixed length (<see cref="Write"/>).</summary>
    public ref struct Writer
    {
        readonly Span<char> _text;
        readonly Lines _lines;

        internal Writer(Span<char> text, Lines lines)
        {
            _text = text;
            _lines = lines;
        }

        public readonly void Add(string target, ReadOnlySpan<string> team)
        {
            if (_lines.Length + Lines.LengthOf(target, team) > _text.Length)
                throw new InvalidOperationException("previous teams: more text written than announced");
            _lines.Add(_text, target, team);
        }
    }

    /// <summary>The lines written so far: where each target's first line starts, whether they came in order.</summary>
    internal sealed class Lines(int capacity)
    {
        readonly List<int> _starts = new(capacity);
        int _lastLine = -1;
        bool _inOrder = true;

        public int Length { get; private set; }

        public static int LengthOf(string target, ReadOnlySpan<string> team)
        {
            var length = 0;
            foreach (var member in team) length += target.Length + member.Length + 2;
            return length;
        }

        /// <summary>A target's lines, into <paramref name="text"/> after the lines before (the caller checked the room).</summary>
        public void Add(Span<char> text, string target, ReadOnlySpan<string> team)
        {
            if (team.IsEmpty) return;
            _starts.Add(Length);
            var at = Length;
            foreach (var member in team)
            {
                var line = at;
                target.CopyTo(text[at..]);
                at += target.Length;
                text[at++] = '\t';
                member.CopyTo(text[at..]);
                at += member.Length;
                if (_lastLine >= 0 && _inOrder && text.Slice(_lastLine, line - 1 - _lastLine).SequenceCompareTo(text[line..at]) >= 0)
                    _inOrder = false;
                text[at++] = '\n';
                _lastLine = line;
            }
            Length = at;
        }

        public PreviousTeamsText Finish(string text)
        {
            if (_inOrder) return new PreviousTeamsText(text, [.. _starts, Length]);
            text = SortedLines.Join(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            return TryParse(text, out var teams) is { } problem ? throw new InvalidOperationException($"previous teams: {problem}") : teams;
        }
    }
}
