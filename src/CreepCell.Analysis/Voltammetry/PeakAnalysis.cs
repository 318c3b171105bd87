using MathNet.Numerics;

namespace CreepCell.Analysis.Voltammetry;

/// <summary>
/// Peak potential, current and charge per segment. The baseline (mode Start) is a straight line fitted
/// to the current between 2 % and 12 % of the sweep, past the switching transient at the vertex, and
/// extended under the peak: the usual extrapolation of the current before the wave. The peak potential is
/// where the measured current turns (largest on an anodic sweep, smallest on a cathodic one, between 2 %
/// and 98 % of the sweep), refined by a parabola through the points within 0.5 % of the sweep around it;
/// when a steep background hides the turn, the turn of the current above the baseline is taken. The peak
/// current is the measured current there minus the baseline. The charge is the
/// integral of the current above the baseline over the run of samples around the peak that keep its sign,
/// in time (the export's time, or dE/v).
/// </summary>
public static class PeakAnalysis
{
    const double BaselineFrom = 0.02, BaselineTo = 0.12, SearchFrom = 0.02, SearchTo = 0.98;

    public static CvResult Analyze(Voltammogram v, BaselineMode mode, ReversePeakMode reverse = ReversePeakMode.Baseline)
    {
        var segments = Sweeps.Split(v);
        var peaks = segments.Where(s => s.Points.Count >= 5).Select(s => Peak(s, mode, v.ScanRate)).ToList();
        if (reverse == ReversePeakMode.Nicholson) peaks = peaks.Select(p => Nicholson(p, peaks, segments)).ToList();
        var cycles = peaks.GroupBy(p => p.Cycle).Select(g => new CycleSummary(g.Key,
            g.FirstOrDefault(p => p.Direction > 0 && p.PeakCurrent is not null),
            g.FirstOrDefault(p => p.Direction < 0 && p.PeakCurrent is not null))).ToList();
        return new CvResult(v, segments, peaks, cycles);
    }

    public static SegmentPeak Peak(Segment s, BaselineMode mode, double? scanRate)
    {
        var b = mode == BaselineMode.Zero ? new Baseline(0, 0) : FitBaseline(s);
        var pts = s.Points;
        double[] raw = pts.Select(p => p.Current * s.Direction).ToArray();
        double[] y = pts.Select(p => (p.Current - b.At(p.Potential)) * s.Direction).ToArray();
        // The peak is where the measured current turns; on a steep background that hides the turn, where the current above the baseline does.
        int best = Extreme(s, raw);
        double[] shape = raw;
        if (best < 0) { best = Extreme(s, y); shape = y; }
        if (best < 0 || y[best] <= 0)
            return new SegmentPeak(s.Cycle, s.Index, s.Direction, s.StartPotential, s.EndPotential, null, null, null, b, null);
        double ep = Refine(s, shape, best);
        double i = Interpolate(pts, ep);
        double? q = Charge(s, y, best, scanRate);
        return new SegmentPeak(s.Cycle, s.Index, s.Direction, s.StartPotential, s.EndPotential, ep, i - b.At(ep), i, b, q * s.Direction);
    }

    /// <summary>
    /// The reverse peak of a diffusing couple sits on the decaying current of the forward wave, which no
    /// straight line follows. Nicholson (Anal. Chem. 38 (1966) 1406): |ip,rev| = |(ip,rev)0| + 0.485 |(isp)0|
    /// + 0.086 |ip,fwd|, with (ip,rev)0 the reverse peak and (isp)0 the switching current, both from zero
    /// current, and ip,fwd the forward peak above its baseline. Applies to the second sweep of each cycle.
    /// </summary>
    static SegmentPeak Nicholson(SegmentPeak p, List<SegmentPeak> peaks, List<Segment> segments)
    {
        if (p.Segment % 2 == 1 || p.RawCurrent is not double rev) return p;
        var forward = peaks.FirstOrDefault(f => f.Segment == p.Segment - 1);
        if (forward?.PeakCurrent is not double fwd) return p;
        double switching = segments[p.Segment - 1].Points[0].Current;
        int d = forward.Direction;
        double magnitude = -d * rev + 0.485 * d * switching + 0.086 * Math.Abs(fwd);
        return p with { PeakCurrent = -d * magnitude };
    }

    /// <summary>Index of the largest value between 2 % and 98 % of the sweep when it is an interior maximum, else -1.</summary>
    static int Extreme(Segment s, double[] y)
    {
        int best = -1;
        for (int k = 0; k < y.Length; k++)
        {
            double pos = s.Position(s.Points[k].Potential);
            if (pos < SearchFrom || pos > SearchTo) continue;
            if (best < 0 || y[k] > y[best]) best = k;
        }
        return best >= 0 && IsInterior(s, best, y) ? best : -1;
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

    static double Refine(Segment s, double[] y, int k)
    {
        double half = 0.005 * s.Span;
        var idx = Enumerable.Range(0, y.Length).Where(j => Math.Abs(s.Points[j].Potential - s.Points[k].Potential) <= half).ToList();
        if (idx.Count < 3) idx = new[] { k - 1, k, k + 1 }.Where(j => j >= 0 && j < y.Length).ToList();
        double e0 = s.Points[k].Potential;
        if (idx.Count < 3) return e0;
        var c = Fit.Polynomial(idx.Select(j => s.Points[j].Potential - e0).ToArray(), idx.Select(j => y[j]).ToArray(), 2);
        if (!(c[2] < 0)) return e0;
        double x = -c[1] / (2 * c[2]);
        double lo = idx.Min(j => s.Points[j].Potential) - e0, hi = idx.Max(j => s.Points[j].Potential) - e0;
        return x >= Math.Min(lo, hi) && x <= Math.Max(lo, hi) ? e0 + x : e0;
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
