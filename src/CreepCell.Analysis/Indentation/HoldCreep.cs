namespace CreepCell.Analysis.Indentation;

/// <summary>Constant-load hold creep of one indent: points (time, depth, eps_dot, sigma) after the transient and the stress exponent from their log-log slope.</summary>
public sealed record HoldCreepResult(
    string Indent, double HoldLoad, double HoldStart, double HoldEnd, double DriftRate,
    IReadOnlyList<(double Time, double Depth, double StrainRate, double Stress)> Points,
    double N, double NError)
{
    /// <summary>ln(eps_dot / (1/s)) of the fitted line at sigma = 1 Pa.</summary>
    public double LnRateIntercept { get; init; }
}

/// <summary>
/// Constant-load hold creep (paper, Methods eq. 4-6 and "constant load tests"): during the hold at peak load
/// eps_dot = h_dot / h and sigma ~ H = P / (24.56 h^2) (eq. 5 with the Berkovich constant), the stress exponent
/// n = dln(eps_dot)/dln(sigma) from a straight-line fit after the transient; depth corrected by the drift
/// rate of the low-load hold when the test has one.
/// </summary>
internal static class HoldCreep
{
    public const double BerkovichConstant = 24.56;

    public static HoldCreepResult? Analyze(IndentTest t, IndentOptions o, double transient, out string? why)
    {
        if (FindHold(t) is not var (a, b)) { why = "no hold at peak load (load within 1 % of its maximum for at least 10 rows)"; return null; }
        double rate = o.DriftCorrection && Drift.Rate(t) is double r ? r : 0;
        double[] h = OliverPharr.CorrectedDepth(t, o);
        double t0 = t.Time[a];
        var pts = new List<(double, double, double, double)>();
        const int k = 5;
        for (int i = a + k; i <= b - k; i++)
        {
            if (t.Time[i] - t0 < transient) continue;
            var x = new List<double>(); var y = new List<double>();
            for (int j = i - k; j <= i + k; j++) { x.Add(t.Time[j]); y.Add(h[j]); }
            double hdot = LineFit.Of(x, y).Slope;
            if (!(hdot > 0) || !(h[i] > 0)) continue;
            pts.Add((t.Time[i] - t0, h[i], hdot / h[i], t.Load[i] / (BerkovichConstant * h[i] * h[i])));
        }
        if (pts.Count < 5) { why = $"only {pts.Count} hold points with a rising depth after the {transient:G3} s transient"; return null; }
        var fit = LineFit.Of(pts.Select(p => Math.Log(p.Item4)).ToList(), pts.Select(p => Math.Log(p.Item3)).ToList());
        if (!double.IsFinite(fit.Slope)) { why = "stress does not vary during the hold; no exponent"; return null; }
        why = null;
        return new HoldCreepResult(t.Name, t.Load[a..(b + 1)].Average(), t.Time[a], t.Time[b], rate, pts, fit.Slope, fit.SlopeError) { LnRateIntercept = fit.Intercept };
    }

    /// <summary>The G200 hold markers when present (quasi-static or CSM exports), else the longest run of rows within 1 % of the peak load.</summary>
    public static (int Start, int End)? FindHold(IndentTest t)
    {
        int hold = t.FindMarker("End Of Loading"), endHold = t.FindMarker("End Of Hold");
        if (hold >= 0 && endHold > hold + 10) return (hold, endHold);
        int segment = t.Markers.FirstOrDefault(m => m.Name.StartsWith("Hold Segment", StringComparison.OrdinalIgnoreCase))?.Index ?? -1;
        int unload = t.FindMarker("Unload From Peak");
        if (segment >= 0 && unload > segment + 10) return (segment, unload - 1);
        double pMax = t.Load.Max();
        int best = -1, bestLen = 0, start = -1;
        for (int i = 0; i <= t.Count; i++)
        {
            bool inHold = i < t.Count && t.Load[i] >= 0.99 * pMax;
            if (inHold && start < 0) start = i;
            if (!inHold && start >= 0) { if (i - start > bestLen) { bestLen = i - start; best = start; } start = -1; }
        }
        return bestLen >= 10 ? (best, best + bestLen - 1) : null;
    }
}
