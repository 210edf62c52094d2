using SpotCheck.Core.Enterprises;

namespace SpotCheck.Core.Draws;

/// <summary>A stratum's name as read aloud at the ceremony: the credit-risk class or the flagged-for-supervision stratum.</summary>
public static class StratumLabels
{
    public static string Of(string stratum) => stratum switch
    {
        FrameBuilder.FlaggedStratum => "重点监管对象",
        _ when Enum.TryParse<RiskClass>(stratum, ignoreCase: false, out var r) && Enum.IsDefined(r) =>
            $"{stratum}类（{EnterpriseLabels.Of(r)}）",
        _ => stratum,
    };
}
