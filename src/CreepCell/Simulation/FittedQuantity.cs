namespace CreepCell.Simulation;

/// <summary>
/// One watched quantity's trend over the window of cycles computed in full: the line in its own variable
/// (<see cref="FittedJumpRule.X"/>), and for stresses and contacts also the line in the cycle number. Where
/// the two shapes part by more than the tolerance, the drift is not known whatever the scatter says: a
/// trend that still rises in proportion to the cycles and one that slows down in ln(cycle) both fit
/// the window, and which of them holds shows only later.
/// </summary>
internal sealed record FittedQuantity(WatchedKind Kind, CycleTrend Trend, CycleTrend Straight)
{
    public static FittedQuantity Fit(WatchedKind kind, IReadOnlyList<int> cycles, double[] values)
    {
        var trend = CycleTrend.Fit(cycles.Select(c => FittedJumpRule.X(kind, c)).ToArray(), values);
        var straight = kind == WatchedKind.Accumulated ? trend : CycleTrend.Fit(cycles.Select(c => (double)c).ToArray(), values);
        return new FittedQuantity(kind, trend, straight);
    }

    /// <summary>The fitted trend at a cycle.</summary>
    public double At(int cycle) => Trend.At(FittedJumpRule.X(Kind, cycle));

    /// <summary>Standard error of the fitted trend at a cycle.</summary>
    public double StandardError(int cycle) => Trend.StandardError(FittedJumpRule.X(Kind, cycle));

    /// <summary>What the shape of the trend leaves open at a cycle: the bend of the window where it is
    /// significant, and how far the line in the cycle number lands from the line in ln(cycle).</summary>
    public double ModelError(int cycle)
    {
        double x = FittedJumpRule.X(Kind, cycle);
        return Math.Abs(Straight.At(cycle) - Trend.At(x));
    }
}
