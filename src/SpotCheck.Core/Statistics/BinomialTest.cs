namespace SpotCheck.Core.Statistics;

/// <summary>
/// Exact two-sided binomial test (probability of an outcome at least as far from the mean as the one observed, the
/// doubled smaller tail, capped at 1). Double precision is enough here: the result is evidence shown to people, not
/// an input to any draw, hash or published record; the draw engine (SpotCheck.Draw) never uses it.
/// </summary>
public static class BinomialTest
{
    public static double TwoSidedP(int trials, int observed, double p)
    {
        if (p <= 0) return observed == 0 ? 1 : 0;
        if (p >= 1) return observed == trials ? 1 : 0;
        var lower = 0.0;
        var upper = 0.0;
        // ln pmf(k) by the recurrence pmf(k+1) = pmf(k) × (n−k)/(k+1) × p/(1−p), from ln pmf(0) = n ln(1−p).
        var logPmf = trials * Math.Log(1 - p);
        var logOdds = Math.Log(p) - Math.Log(1 - p);
        for (var k = 0; k <= trials; k++)
        {
            var pk = Math.Exp(logPmf);
            if (k <= observed) lower += pk;
            if (k >= observed) upper += pk;
            logPmf += Math.Log((double)(trials - k) / (k + 1)) + logOdds;
        }
        return Math.Min(1, 2 * Math.Min(lower, upper));
    }
}
