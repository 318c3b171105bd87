namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Thermal drift rate from a hold at low load (the G200 "drift" segment after the final unload, or the
/// "Thermal Drift Hold Segment"): slope of depth against time over the last 80 % of that hold, where the
/// indenter has stopped recovering elastically. Depth is corrected as h - rate (t - t0).
/// </summary>
internal static class Drift
{
    public static (int Start, int End)? FindHold(IndentTest t)
    {
        int b = t.FindMarker("Begin Drift"), e = t.FindMarker("End Drift");
        if (b >= 0 && e > b) return (b, e);
        int th = t.FindMarker("Thermal Drift");
        if (th >= 0)
        {
            int end = th;
            while (end + 1 < t.Count && Math.Abs(t.Load[end + 1] - t.Load[th]) <= 0.02 * Math.Abs(t.Load[th]) + 1e-7) end++;
            if (end > th + 4) return (th, end);
        }
        return null;
    }

    /// <summary>Drift rate (m/s), or null when the test has no low-load hold.</summary>
    public static double? Rate(IndentTest t)
    {
        if (FindHold(t) is not var (b, e)) return null;
        int s = b + (e - b) / 5;
        var x = new List<double>(); var y = new List<double>();
        for (int i = s; i <= e; i++) { x.Add(t.Time[i]); y.Add(t.Depth[i]); }
        var fit = LineFit.Of(x, y);
        return double.IsFinite(fit.Slope) ? fit.Slope : null;
    }

    public static double[] Correct(IndentTest t, double rate)
    {
        double t0 = t.Time[0];
        return t.Depth.Select((h, i) => h - rate * (t.Time[i] - t0)).ToArray();
    }
}
