namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Strain-rate-jump analysis of a CSM indent (paper, Methods eq. 5-7; Maier et al., J. Mater. Res. 26
/// (2011) 1421): indentation strain rate eps_dot = (1/h)(dh/dt) ~ (1/2)(P_dot/P) (eq. 6), hardness per
/// constant-rate segment after a transient, m = dlnH/dln(eps_dot) from the slope of a straight-line fit (eq. 7).
/// </summary>
internal static class StrainRateJump
{
    /// <summary>
    /// Segments start at the given depths (m) and run to the next one (the last to the end of loading). Without
    /// depths, segments are found where the strain rate changes by more than a factor 1.5. The first
    /// <paramref name="transient"/> fraction of each segment's depth span is skipped; points shallower than
    /// <paramref name="minDepth"/> (surface effects) are not used.
    /// </summary>
    public static RateSensitivity? Analyze(IndentTest t, IndentOptions o, IReadOnlyList<double>? jumpDepths, double transient, out string? why, double minDepth = 0)
    {
        var curve = Csm.Curve(t, o).Where(c => c.Depth >= minDepth).ToList();
        if (curve.Count < 20) { why = "no continuous-stiffness data (harmonic contact stiffness) to give hardness along depth"; return null; }
        double[] rate = LoadRate(t);
        var depthToRow = curve.Select(c => c.Row).ToArray();
        var bounds = jumpDepths is { Count: > 0 } ? jumpDepths.OrderBy(d => d).Append(double.PositiveInfinity).ToList() : DetectBounds(curve, depthToRow, rate);
        var segments = new List<RateSegment>();
        for (int k = 0; k + 1 < bounds.Count; k++)
        {
            var pts = Enumerable.Range(0, curve.Count).Where(i => curve[i].Depth >= bounds[k] && curve[i].Depth < bounds[k + 1]).ToList();
            if (pts.Count < 4) continue;
            double from = curve[pts[0]].Depth, to = curve[pts[^1]].Depth, cut = from + transient * (to - from);
            // The last rows' rate windows reach into the next segment; the median guards against the rest.
            var keep = pts.Take(pts.Count - RateHalfWindow).Where(i => curve[i].Depth >= cut && rate[depthToRow[i]] > 0).ToList();
            if (keep.Count < 3) continue;
            segments.Add(new RateSegment(cut, to, Median(keep.Select(i => rate[depthToRow[i]])), keep.Average(i => curve[i].Hardness), keep.Count));
        }
        if (segments.Count < 2) { why = $"found {segments.Count} constant-rate segment(s); need at least 2 (give --jump-depths)"; return null; }
        var fit = LineFit.Of(segments.Select(s => Math.Log(s.StrainRate)).ToList(), segments.Select(s => Math.Log(s.Hardness)).ToList());
        if (!(fit.Slope > 0)) { why = $"hardness does not rise with strain rate (slope {fit.Slope:G3}); no rate sensitivity to report"; return null; }
        why = null;
        return new RateSensitivity(t.Name, segments, fit.Slope, fit.SlopeError) { LnHIntercept = fit.Intercept };
    }

    const int RateHalfWindow = 3;

    static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
    }

    /// <summary>eps_dot = (1/2) d ln P / dt by a local straight-line fit over +-3 rows (eq. 6).</summary>
    public static double[] LoadRate(IndentTest t)
    {
        var r = new double[t.Count];
        const int k = RateHalfWindow;
        for (int i = 0; i < t.Count; i++)
        {
            int a = Math.Max(0, i - k), b = Math.Min(t.Count - 1, i + k);
            var x = new List<double>(); var y = new List<double>();
            for (int j = a; j <= b; j++) if (t.Load[j] > 0) { x.Add(t.Time[j]); y.Add(Math.Log(t.Load[j])); }
            double s = x.Count >= 3 ? LineFit.Of(x, y).Slope : double.NaN;
            r[i] = double.IsFinite(s) ? 0.5 * s : double.NaN;
        }
        return r;
    }

    static List<double> DetectBounds(List<CsmPoint> curve, int[] rows, double[] rate)
    {
        var bounds = new List<double> { curve[0].Depth };
        double runLog = double.NaN; int run = 0;
        for (int i = 0; i < curve.Count; i++)
        {
            double e = rows[i] >= 0 ? rate[rows[i]] : double.NaN;
            if (!(e > 0)) continue;
            double le = Math.Log(e);
            if (double.IsNaN(runLog)) { runLog = le; run = 1; continue; }
            if (Math.Abs(le - runLog) > Math.Log(1.5) && run >= 5 && Sustained(curve, rows, rate, i, le))
            {
                bounds.Add(curve[i].Depth);
                runLog = le; run = 1;
                continue;
            }
            runLog = (runLog * run + le) / (run + 1);
            run++;
        }
        bounds.Add(double.PositiveInfinity);
        return bounds;
    }

    /// <summary>A jump, not noise: the next few points stay near the new rate.</summary>
    static bool Sustained(List<CsmPoint> curve, int[] rows, double[] rate, int i, double le)
    {
        int ok = 0;
        for (int j = i; j < Math.Min(curve.Count, i + 5); j++)
            if (rows[j] >= 0 && rate[rows[j]] > 0 && Math.Abs(Math.Log(rate[rows[j]]) - le) < Math.Log(1.5)) ok++;
        return ok >= 4;
    }
}
