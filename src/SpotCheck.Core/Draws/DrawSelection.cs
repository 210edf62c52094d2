namespace SpotCheck.Core.Draws;

/// <summary>
/// One selected target of a finished draw, with its team (officer codes in ticket order). Drives the exclusion
/// window, the yearly cap (supplementary rows do not count again) and the previous-team rule of later draws.
/// </summary>
public sealed class DrawSelection
{
    DrawSelection() { }

    public DrawSelection(string drawId, int planId, int enterpriseId, string uscc, int rank, string stratum, DateOnly selectedOn,
        IReadOnlyList<string> team, bool isSupplement)
    {
        DrawId = drawId;
        PlanId = planId;
        EnterpriseId = enterpriseId;
        Uscc = uscc;
        Rank = rank;
        Stratum = stratum;
        SelectedOn = selectedOn;
        Team = [.. team];
        IsSupplement = isSupplement;
    }

    public long Id { get; private set; }
    public string DrawId { get; private set; } = "";
    public int PlanId { get; private set; }
    public int EnterpriseId { get; private set; }
    public string Uscc { get; private set; } = "";
    public int Rank { get; private set; }
    public string Stratum { get; private set; } = "";
    public DateOnly SelectedOn { get; private set; }
    /// <summary>Officer codes in ticket order (an array column on PostgreSQL, a JSON array on SQLite); empty when the target could not be staffed.</summary>
    public string[] Team { get; private set; } = [];
    public bool IsSupplement { get; private set; }
}
