namespace SpotCheck.Core.Draws;

/// <summary>
/// Per enterprise, the team of the latest staffed round that covered it (draw-spec §5.1 "previous team"): kept current
/// by every write of a staffed selection, so a freeze reads one row per enterprise ever staffed instead of grouping
/// the whole selection history. Latest = greatest (SelectedOn, DrawId ordinal), as the history itself would decide.
/// </summary>
public sealed class LatestTeam
{
    LatestTeam() { }

    public LatestTeam(int enterpriseId, string uscc, string drawId, DateOnly selectedOn, string team)
    {
        EnterpriseId = enterpriseId;
        Uscc = uscc;
        DrawId = drawId;
        SelectedOn = selectedOn;
        Team = team;
    }

    /// <summary>The key: a frame reads each candidate's row by its id, in id order.</summary>
    public int EnterpriseId { get; private set; }
    public string Uscc { get; private set; } = "";
    public string DrawId { get; private set; } = "";
    public DateOnly SelectedOn { get; private set; }
    /// <summary>';'-separated officer codes in ticket order, as on the selection it comes from.</summary>
    public string Team { get; private set; } = "";

    public bool IsOlderThan(DateOnly selectedOn, string drawId) =>
        SelectedOn < selectedOn || (SelectedOn == selectedOn && string.CompareOrdinal(DrawId, drawId) < 0);

    /// <summary>A selection's team as stored here.</summary>
    public static string Join(IEnumerable<string> team) => string.Join(';', team);

    public void Replace(string drawId, DateOnly selectedOn, string team) => (DrawId, SelectedOn, Team) = (drawId, selectedOn, team);
}
