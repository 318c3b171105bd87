using MathNet.Numerics;

namespace CreepCell.Analysis.Voltammetry;

/// <summary>How the current under a peak is measured: from a line fitted to the start of the sweep, or from zero.</summary>
public enum BaselineMode { Start, Zero }

/// <summary>A straight baseline i = Slope E + Intercept (A/V, A).</summary>
public sealed record Baseline(double Slope, double Intercept)
{
    public double At(double e) => Slope * e + Intercept;
}

/// <summary>
/// The peak of one segment: potential (V), current above the baseline (A, signed: anodic positive),
/// current as measured at that potential, and the charge under the peak (C, signed) when the scan rate or
/// the time is known. Peak fields are null when the sweep has no interior extremum.
/// </summary>
public sealed record SegmentPeak(int Cycle, int Segment, int Direction, double StartPotential, double EndPotential,
    double? PeakPotential, double? PeakCurrent, double? RawCurrent, Baseline Baseline, double? Charge);

/// <summary>Anodic and cathodic peaks of one cycle and what follows from them.</summary>
public sealed record CycleSummary(int Cycle, SegmentPeak? Anodic, SegmentPeak? Cathodic)
{
    public bool Complete => Anodic is not null && Cathodic is not null;
    public double? Separation => Anodic?.PeakPotential - Cathodic?.PeakPotential;
    public double? HalfWave => (Anodic?.PeakPotential + Cathodic?.PeakPotential) / 2;
    public double? CurrentRatio => Anodic?.PeakCurrent is double a && Cathodic?.PeakCurrent is double c && c != 0 ? Math.Abs(a / c) : null;
}

/// <summary>Segments, their peaks and the per-cycle summary of one voltammogram.</summary>
public sealed record CvResult(Voltammogram Data, IReadOnlyList<Segment> Segments, IReadOnlyList<SegmentPeak> Peaks, IReadOnlyList<CycleSummary> Cycles);

/// <summary>
/// Peak potential, current and charge per segment. The baseline (mode Start) is a straight line fitted
/// to the current between 2 % and 12 % of the sweep, past the switching transient at the vertex, and
/// extended under the peak: the usual extrapolation of the current before the wave. The peak is the
/// largest current above (anodic sweep) or below (cathodic sweep) that line between 2 % and 98 % of the
/// sweep, refined by a parabola through the points within 0.5 % of the window around it. The charge is the
/// integral of the current above the baseline over the run of samples around the peak that keep its sign,
/// in time (the export's time, or dE/v).
/// </summary>
public static class PeakAnalysis
{
    const double BaselineFrom = 0.02, BaselineTo = 0.12, SearchFrom = 0.02, SearchTo = 0.98;

    public static CvResult Analyze(Voltammogram v, BaselineMode mode)
    {
        var segments = Sweeps.Split(v);
        var peaks = segments.Where(s => s.Points.Count >= 5).Select(s => Peak(s, mode, v.ScanRate)).ToList();
        var cycles = peaks.GroupBy(p => p.Cycle).Select(g => new CycleSummary(g.Key,
            g.FirstOrDefault(p => p.Direction > 0 && p.PeakCurrent is not null),
            g.FirstOrDefault(p => p.Direction < 0 && p.PeakCurrent is not null))).ToList();
        return new CvResult(v, segments, peaks, cycles);
    }

    public static SegmentPeak Peak(Segment s, BaselineMode mode, double? scanRate)
    {
        var b = mode == BaselineMode.Zero ? new Baseline(0, 0) : FitBaseline(s);
        var pts = s.Points;
        double[] y = pts.Select(p => (p.Current - b.At(p.Potential)) * s.Direction).ToArray();
        int best = -1;
        for (int k = 0; k < pts.Count; k++)
        {
            double pos = s.Position(pts[k].Potential);
            if (pos < SearchFrom || pos > SearchTo) continue;
            if (best < 0 || y[k] > y[best]) best = k;
        }
        if (best < 0 || y[best] <= 0 || !IsInterior(s, best, y))
            return new SegmentPeak(s.Cycle, s.Index, s.Direction, s.StartPotential, s.EndPotential, null, null, null, b, null);
        var (ep, yp) = Refine(s, y, best);
        double raw = Interpolate(pts, ep);
        double? q = Charge(s, y, best, scanRate);
        return new SegmentPeak(s.Cycle, s.Index, s.Direction, s.StartPotential, s.EndPotential, ep, yp * s.Direction, raw, b, q * s.Direction);
    }

    static Baseline FitBaseline(Segment s)
    {
        var window = s.Points.Where(p => s.Position(p.Potential) is >= BaselineFrom and <= BaselineTo).ToList();
        if (window.Count < 2) window = s.Points.Take(2).ToList();
        var (a, b) = Fit.Line(window.Select(p => p.Potential).ToArray(), window.Select(p => p.Current).ToArray());
        return new Baseline(b, a);
    }

    // A peak at the edge of the search window is the current still rising into the vertex, not a peak.
    static bool IsInterior(Segment s, int k, double[] y)
    {
        bool higherBefore = false, higherAfter = false;
        for (int j = k - 1; j >= 0 && s.Position(s.Points[j].Potential) >= SearchFrom; j--) higherBefore |= y[j] < y[k];
        for (int j = k + 1; j < y.Length && s.Position(s.Points[j].Potential) <= SearchTo; j++) higherAfter |= y[j] < y[k];
        return higherBefore && higherAfter;
    }

    static (double E, double Y) Refine(Segment s, double[] y, int k)
    {
        double half = Math.Max(0.005 * s.Span, 0);
        var idx = Enumerable.Range(0, y.Length).Where(j => Math.Abs(s.Points[j].Potential - s.Points[k].Potential) <= half).ToList();
        if (idx.Count < 3) idx = new[] { k - 1, k, k + 1 }.Where(j => j >= 0 && j < y.Length).ToList();
        if (idx.Count < 3) return (s.Points[k].Potential, y[k]);
        double e0 = s.Points[k].Potential;
        var c = Fit.Polynomial(idx.Select(j => s.Points[j].Potential - e0).ToArray(), idx.Select(j => y[j]).ToArray(), 2);
        if (!(c[2] < 0)) return (e0, y[k]);
        double x = -c[1] / (2 * c[2]);
        double lo = idx.Min(j => s.Points[j].Potential) - e0, hi = idx.Max(j => s.Points[j].Potential) - e0;
        if (x < Math.Min(lo, hi) || x > Math.Max(lo, hi)) return (e0, y[k]);
        return (e0 + x, c[0] + c[1] * x + c[2] * x * x);
    }

    /// <summary>Current at a potential, linearly interpolated along the sweep.</summary>
    public static double Interpolate(IReadOnlyList<CvPoint> pts, double e)
    {
        for (int k = 1; k < pts.Count; k++)
        {
            double a = pts[k - 1].Potential, b = pts[k].Potential;
            if ((e - a) * (e - b) <= 0 && a != b) return pts[k - 1].Current + (pts[k].Current - pts[k - 1].Current) * (e - a) / (b - a);
        }
        return pts.MinBy(p => Math.Abs(p.Potential - e)).Current;
    }

    static double? Charge(Segment s, double[] y, int k, double? scanRate)
    {
        var pts = s.Points;
        bool timed = pts.All(p => p.Time is not null);
        if (!timed && scanRate is null) return null;
        int lo = k, hi = k;
        while (lo > 0 && y[lo - 1] > 0) lo--;
        while (hi < y.Length - 1 && y[hi + 1] > 0) hi++;
        double q = 0;
        for (int j = lo + 1; j <= hi; j++)
        {
            double dt = timed ? pts[j].Time!.Value - pts[j - 1].Time!.Value : Math.Abs(pts[j].Potential - pts[j - 1].Potential) / scanRate!.Value;
            q += 0.5 * (y[j] + y[j - 1]) * dt;
        }
        return q;
    }
}
