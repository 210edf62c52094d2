namespace SpotCheck.Core.Statistics;

/// <summary>
/// Exact two-sided binomial test (probability of an outcome at least as far from the mean as the one observed, the
/// doubled smaller tail, capped at 1). Double precision is enough here: the result is evidence shown to people, not
/// an input to any draw, hash or published record; the draw engine (SpotCheck.Draw) never uses it.
/// </summary>
public static class BinomialTest
{
    public static double TwoSidedP(int trials, int observed, double p) => new BinomialTails(trials, p).TwoSidedP(observed);
}

/// <summary>
/// Both tails of Binomial(<paramref name="trials"/>, <paramref name="p"/>) for every outcome, built once in O(trials):
/// the officers of one department share trials and p, so testing each of them is a lookup, not another pass.
/// </summary>
public sealed class BinomialTails
{
    readonly double _p;
    readonly double[] _lower = [];
    readonly double[] _upper = [];

    public BinomialTails(int trials, double p)
    {
        Trials = trials;
        _p = p;
        if (p <= 0 || p >= 1) return;
        var pmf = new double[trials + 1];
        // ln pmf(k) by the recurrence pmf(k+1) = pmf(k) × (n−k)/(k+1) × p/(1−p), from ln pmf(0) = n ln(1−p).
        var logPmf = trials * Math.Log(1 - p);
        var logOdds = Math.Log(p) - Math.Log(1 - p);
        for (var k = 0; k <= trials; k++)
        {
            pmf[k] = Math.Exp(logPmf);
            logPmf += Math.Log((double)(trials - k) / (k + 1)) + logOdds;
        }
        _lower = new double[trials + 1];
        _upper = new double[trials + 1];
        var sum = 0.0;
        for (var k = 0; k <= trials; k++) _lower[k] = sum += pmf[k];
        sum = 0.0;
        for (var k = trials; k >= 0; k--) _upper[k] = sum += pmf[k];
    }

    public int Trials { get; }

    public double TwoSidedP(int observed)
    {
        if (_p <= 0) return observed == 0 ? 1 : 0;
        if (_p >= 1) return observed == Trials ? 1 : 0;
        if (observed < 0 || observed > Trials) return 0;
        return Math.Min(1, 2 * Math.Min(_lower[observed], _upper[observed]));
    }
}
