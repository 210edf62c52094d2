namespace SpotCheck.Core.Calendar;

/// <summary>
/// An imported notice year. Re-importing a year adds a new version and retires the previous one, so deadlines
/// computed under an older version stay reproducible.
/// </summary>
public sealed class CalendarYear
{
    CalendarYear() { }

    public CalendarYear(int year, int version, string status, string json, string sha256, string importedBy, DateTime importedAtUtc)
    {
        Year = year;
        Version = version;
        Status = status;
        Json = json;
        Sha256 = sha256;
        ImportedBy = importedBy;
        ImportedAtUtc = importedAtUtc;
        IsCurrent = true;
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int Version { get; private set; }
    /// <summary>official or provisional, as in the file.</summary>
    public string Status { get; private set; } = "";
    /// <summary>The year's object exactly as imported (offDays, makeupWorkdays, notice, amendments).</summary>
    public string Json { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public string ImportedBy { get; private set; } = "";
    public DateTime ImportedAtUtc { get; private set; }
    public bool IsCurrent { get; private set; }

    public void Supersede() => IsCurrent = false;
}
