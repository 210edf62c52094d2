namespace SpotCheck.Draw.Selection;

public enum SelectionMode { Srs, Stratified, Weighted }

/// <summary>One id of the frame with its stratum (<c>_</c> when unused) and weight 1–100 (1 when unused).</summary>
public sealed record PopulationEntry(string Id, string Stratum = PopulationEntry.NoStratum, int Weight = 1)
{
    public const string NoStratum = "_";
    public const int MaxWeight = 100;
}

/// <summary>draw-spec §4.1 inputs: each id's latest non-voided earlier selection under the same item.</summary>
public sealed record ExclusionWindow(DateOnly AsOf, int WindowDays, IReadOnlyDictionary<string, DateOnly> LastSelected);

/// <summary>Selection parameters: <see cref="K"/> for SRS/WEIGHTED, exactly one of the per-stratum maps for STRATIFIED.</summary>
public sealed record SelectionParams(
    SelectionMode Mode,
    long? K = null,
    IReadOnlyDictionary<string, long>? RatioPpm = null,
    IReadOnlyDictionary<string, long>? KByStratum = null,
    ExclusionWindow? Exclusion = null);

public sealed record SelectedRow(int Rank, int StratumRank, string Id, string Stratum, TicketKey Key);

/// <summary>Per-stratum report: <see cref="RatioPpm"/> is null when the quota came from kByStratum.</summary>
public sealed record StratumReport(string Stratum, long N, long? RatioPpm, long K);

public sealed record ExcludedRow(string Id, DateOnly LastSelectedDate, int DaysSince);

public sealed record SelectionResult(
    IReadOnlyList<SelectedRow> Selected,
    IReadOnlyList<StratumReport> Strata,
    IReadOnlyList<ExcludedRow> Excluded)
{
    public const string Algorithm = DrawHash.Algorithm;
}

/// <summary>A ranked id inside one stratum (ranking, top-ups, substitutes).</summary>
public sealed record RankedId(int Rank, string Id, string Stratum, TicketKey Key);
