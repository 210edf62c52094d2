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
        for (var k = 0; k <= trials; k++)
        {
            var pk = Math.Exp(LogPmf(trials, k, p));
            if (k <= observed) lower += pk;
            if (k >= observed) upper += pk;
        }
        return Math.Min(1, 2 * Math.Min(lower, upper));
    }

    static double LogPmf(int n, int k, double p) =>
        LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k) + k * Math.Log(p) + (n - k) * Math.Log(1 - p);

    /// <summary>ln(n!) by Stirling's series beyond 30 (error far below 1e-10), exact sums below.</summary>
    static double LogFactorial(int n)
    {
        if (n < 30)
        {
            var sum = 0.0;
            for (var i = 2; i <= n; i++) sum += Math.Log(i);
            return sum;
        }
        double x = n;
        return x * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
