namespace CreepCell.Analysis.Cycling;

/// <summary>
/// Peaks of a curve: interior local maxima whose prominence (height above the higher of the two lowest points
/// reached on either side before a higher sample) is at least <c>minProminence</c> times the curve's largest
/// value. The position and height come from the parabola through the top sample and its two neighbours, so a
/// peak between grid points is not pinned to a bin centre.
/// </summary>
internal static class Peaks
{
    public const double DefaultMinProminence = 0.05;

    public static List<Peak> Find(double[] x, double[] y, double minProminence = DefaultMinProminence)
    {
        var peaks = new List<Peak>();
        if (y.Length < 3) return peaks;
        double top = y.Max();
        if (!(top > 0)) return peaks;
        for (int i = 1; i < y.Length - 1; i++)
        {
            if (!(y[i] > y[i - 1] && y[i] >= y[i + 1])) continue;
            double prominence = y[i] - Math.Max(LowestBefore(y, i, -1), LowestBefore(y, i, +1));
            if (prominence < minProminence * top) continue;
            var (pos, height) = Vertex(x, y, i);
            peaks.Add(new Peak(pos, height, prominence, i));
        }
        return peaks;
    }

    /// <summary>The lowest value met walking from i in direction step until a sample higher than y[i] or the end.</summary>
    static double LowestBefore(double[] y, int i, int step)
    {
        double low = y[i];
        for (int j = i + step; j >= 0 && j < y.Length && y[j] <= y[i]; j += step) low = Math.Min(low, y[j]);
        return low;
    }

    static (double X, double Y) Vertex(double[] x, double[] y, int i)
    {
        double h = x[i + 1] - x[i];
        double den = y[i - 1] - 2 * y[i] + y[i + 1];
        // Equal spacing is assumed (both curves are binned); a flat top keeps the sample itself.
        if (!(den < 0) || Math.Abs(x[i] - x[i - 1] - h) > 1e-9 * Math.Abs(h)) return (x[i], y[i]);
        double d = 0.5 * (y[i - 1] - y[i + 1]) / den;
        return (x[i] + d * h, y[i] - 0.25 * (y[i - 1] - y[i + 1]) * d);
    }
}
