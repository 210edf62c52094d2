using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Credit;

/// <summary>
/// 诚信档案 entry written when an approved record carries CREDIT_RECORD (R18). Never edited; the enterprise's risk
/// class was raised by one (A→B→C→D, D stays D) at the same moment, for later plans.
/// </summary>
public sealed class CreditRecord : Data.IVersioned
{
    public int RowVersion { get; private set; }

    CreditRecord() { }

    public CreditRecord(int enterpriseId, int taskId, DateOnly recordedOn, string results, RiskClass riskBefore, RiskClass riskAfter,
        string recordedBy, DateTime createdAtUtc)
    {
        EnterpriseId = enterpriseId;
        TaskId = taskId;
        RecordedOn = recordedOn;
        Results = results;
        RiskBefore = riskBefore;
        RiskAfter = riskAfter;
        RecordedBy = recordedBy;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }
    public int EnterpriseId { get; private set; }
    public int TaskId { get; private set; }
    public DateOnly RecordedOn { get; private set; }
    /// <summary>The record's result codes, ';'-separated.</summary>
    public string Results { get; private set; } = "";
    public RiskClass RiskBefore { get; private set; }
    public RiskClass RiskAfter { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public static RiskClass Raise(RiskClass r) => r == RiskClass.D ? RiskClass.D : r + 1;
}
