namespace CreepCell.Simulation;

/// <summary>How a watched quantity is compared and over which variable its trend is fitted.</summary>
internal enum WatchedKind
{
    /// <summary>Contact ratios and fractions, porosity: absolute tolerance, trend in ln(cycle).</summary>
    Fraction,
    /// <summary>Phase mean stresses: tolerance relative to the larger of the quantity's values at full
    /// lithiation and at the end of charge (a stress near zero at one end is not compared with itself),
    /// trend in ln(cycle).</summary>
    Stress,
    /// <summary>Mean equivalent creep strains, which add up a similar amount every cycle: relative, trend in
    /// the cycle number.</summary>
    Accumulated,
}

/// <summary>A jump chosen on fitted trends: its length, and per watched quantity the trend predicted at the
/// checking cycle and the band the checking cycle must fall in.</summary>
internal sealed record FittedJump(int Length, double[] Predicted, double[] Band);

/// <summary>
/// Cycle jumping for runs whose watched quantities scatter from cycle to cycle (contacts that open and
/// close again in a small RVE). Per quantity a straight line is fitted by least squares over the last
/// cycles computed in full, in ln(cycle) (or the cycle number for accumulated creep strains), and the
/// scatter of the cycles about it is taken from its residuals. A jump over Delta N is acceptable when the
/// trend at the checking cycle N + Delta N + 1 is known well enough: Z standard errors of the fitted trend
/// there, plus the parabola's departure from the line where the window bends, within the tolerance plus
/// the scatter of one cycle (a cycle computed in full is no closer to the trend than that). The checking
/// cycle must then lie within the tolerance plus CheckZ standard deviations of a new cycle about the
/// predicted trend. A quantity whose scatter exceeds the tolerance gives no jump.
/// </summary>
internal static class FittedJumpRule
{
    /// <summary>Standard errors of the fitted trend allowed at the checking cycle (about 95 %).</summary>
    public const double Z = 2;
    /// <summary>Standard deviations of the checking cycle about the prediction before it fails the jump
    /// (with some forty watched quantities per check, 3 keeps false rejections rare).</summary>
    public const double CheckZ = 3;
    /// <summary>Most cycles computed in full that a trend is fitted over.</summary>
    public const int WindowCycles = 8;
    /// <summary>Fewest cycles for a fitted trend: a parabola and three residuals to judge it by.</summary>
    public const int MinCycles = 6;

    /// <summary>The kind of a watched history column.</summary>
    public static WatchedKind KindOf(string column) =>
        column.StartsWith("creep_mean_", StringComparison.Ordinal) ? WatchedKind.Accumulated
        : column.StartsWith("vm_mean_", StringComparison.Ordinal) || column.StartsWith("p_mean_", StringComparison.Ordinal) ? WatchedKind.Stress
        : WatchedKind.Fraction;

    /// <summary>The trend variable of a cycle for a kind of quantity.</summary>
    public static double X(WatchedKind kind, double cycle) => kind == WatchedKind.Accumulated ? cycle : Math.Log(cycle);

    /// <summary>
    /// The longest acceptable jump from the last of <paramref name="cycles"/> (ascending, at least
    /// <see cref="MinCycles"/>), at most <paramref name="cap"/>, or null below 2 cycles.
    /// <paramref name="values"/>[j] holds the watched quantities of cycles[j]: first every watched column
    /// at full lithiation, then the same columns at the end of the cycle (so i and i + half are one column).
    /// </summary>
    public static FittedJump? Choose(IReadOnlyList<int> cycles, IReadOnlyList<double[]> values, IReadOnlyList<WatchedKind> kinds, double tolerance, int cap)
    {
        if (cycles.Count < MinCycles || cap < 2) return null;
        int count = values[0].Length, n = cycles[^1];
        var quantities = Enumerable.Range(0, count).Select(i => FittedQuantity.Fit(kinds[i % kinds.Count], cycles, values.Select(v => v[i]).ToArray())).ToArray();
        var tol = Tolerances(quantities, tolerance, n);
        // a quantity that scatters more than the tolerance cannot have its trend told to within it
        for (int i = 0; i < count; i++) if (quantities[i].Trend.Noise > tol[i]) return null;
        int best = 0;
        for (int delta = 2; delta <= cap && Acceptable(quantities, tol, n + delta + 1); delta++) best = delta;
        if (best < 2) return null;
        int check = n + best + 1;
        var predicted = quantities.Select(q => q.At(check)).ToArray();
        var band = quantities.Select((q, i) =>
        {
            double se = q.StandardError(check), s = q.Trend.Noise;
            return tol[i] + q.ModelError(check) + CheckZ * Math.Sqrt(s * s + se * se);
        }).ToArray();
        return new FittedJump(best, predicted, band);
    }

    /// <summary>Whether every trend at the checking cycle is known well enough: Z standard errors plus the
    /// model error within the tolerance plus the scatter of one cycle.</summary>
    static bool Acceptable(FittedQuantity[] quantities, double[] tol, int check)
    {
        for (int i = 0; i < quantities.Length; i++)
        {
            var q = quantities[i];
            if (q.ModelError(check) + Z * q.StandardError(check) > tol[i] + q.Trend.Noise) return false;
        }
        return true;
    }

    /// <summary>Per quantity the tolerance in its own units: absolute for fractions; for stresses and creep
    /// strains relative to the larger of the column's trends at full lithiation and at the end of charge.</summary>
    static double[] Tolerances(FittedQuantity[] quantities, double tolerance, int n)
    {
        int half = quantities.Length / 2;
        var tol = new double[quantities.Length];
        for (int i = 0; i < quantities.Length; i++)
        {
            if (quantities[i].Kind == WatchedKind.Fraction) { tol[i] = tolerance; continue; }
            int pair = i < half ? i + half : i - half;
            double scale = Math.Max(Math.Abs(quantities[i].At(n)), Math.Abs(quantities[pair].At(n)));
            tol[i] = tolerance * Math.Max(scale, 1e-300);
        }
        return tol;
    }

    /// <summary>Part of the tolerance below which scatter is taken as none: the run then jumps on the trend
    /// and change of its last three cycles (<see cref="CycleJumper"/>), as smooth runs always did. The smooth
    /// inclusion and block of the tests stay below a tenth once their first cycles (before first_after) are
    /// left out; se-60mse at tolerance 0.02 (0.3 to 0.6 points of scatter) stays above it, where a quarter
    /// sent it back to the smooth rule after 30 cycles.</summary>
    public const double QuietFraction = 0.1;

    /// <summary>Whether the watched quantities scatter: the mean of their squared third differences over
    /// four consecutive cycles (Q3 - 3 Q2 + 3 Q1 - Q0, whose variance is 20 s^2 for independent scatter s
    /// and which a smooth trend hardly has) gives s, compared with a tenth of the tolerance.</summary>
    public static bool Scatters(double[] thirdSquares, int quadruples, double[] latest, IReadOnlyList<WatchedKind> kinds, double tolerance)
    {
        if (quadruples == 0) return false;
        int half = latest.Length / 2;
        for (int i = 0; i < latest.Length; i++)
        {
            var kind = kinds[i % kinds.Count];
            double scale = kind == WatchedKind.Fraction ? 1 : Math.Max(Math.Abs(latest[i]), Math.Abs(latest[i < half ? i + half : i - half]));
            if (Math.Sqrt(thirdSquares[i] / (20.0 * quadruples)) > QuietFraction * tolerance * scale) return true;
        }
        return false;
    }

    /// <summary>Adds the squared third differences of four consecutive cycles to <paramref name="sums"/>.</summary>
    public static void AddThirdDifferences(double[] sums, double[] q0, double[] q1, double[] q2, double[] q3)
    {
        for (int i = 0; i < sums.Length; i++)
        {
            double t = q3[i] - 3 * q2[i] + 3 * q1[i] - q0[i];
            sums[i] += t * t;
        }
    }
}
