namespace CreepCell.Analysis.Indentation;

/// <summary>One continuous-stiffness point: row in the test, depth, load, harmonic stiffness, contact depth, H and E (SI), and the instrument's H and E where stored.</summary>
public readonly record struct CsmPoint(int Row, double Depth, double Load, double Stiffness, double ContactDepth, double Hardness, double Modulus, double InstrumentHardness, double InstrumentModulus);

/// <summary>
/// Continuous stiffness measurement: Oliver-Pharr at every point of the loading segment with the harmonic
/// contact stiffness in place of the unloading slope (Li and Bhushan, Mater. Charact. 48 (2002) 11;
/// Methods eq. 1-3): hc = h - eps P/S, H = P/A(hc), Er = sqrt(pi)/(2 beta) S/sqrt(A).
/// </summary>
internal static class Csm
{
    public static bool HasStiffness(IndentTest t) => t.HarmonicStiffness != null && t.HarmonicStiffness.Count(double.IsFinite) >= 10;

    public static List<CsmPoint> Curve(IndentTest t, IndentOptions o)
    {
        var points = new List<CsmPoint>();
        if (!HasStiffness(t)) return points;
        double[] depth = OliverPharr.CorrectedDepth(t, o);
        int end = LoadingEnd(t);
        for (int i = 0; i < end; i++)
        {
            double s = t.HarmonicStiffness![i], p = t.Load[i], h = depth[i];
            if (!(s > 0) || !(p > 0) || !(h > 0)) continue;
            double sc = o.FrameCompliance > 0 ? 1 / (1 / s - o.FrameCompliance) : s;
            if (!(sc > 0)) continue;
            double hc = ContactMechanics.ContactDepth(h, p, sc, o.Epsilon);
            double area = o.Area.Area(hc);
            if (!(hc > 0) || !(area > 0)) continue;
            double er = ContactMechanics.ReducedModulus(sc, area, o.Beta);
            double e = ContactMechanics.SampleModulus(er, o.SamplePoisson, o.IndenterModulus, o.IndenterPoisson);
            if (!double.IsFinite(e)) continue;
            points.Add(new CsmPoint(i, h, p, sc, hc, p / area, e, Value(t.InstrumentHardness, i), Value(t.InstrumentModulus, i)));
        }
        return points;
    }

    /// <summary>Mean and standard deviation of E and H over points with depth in [from, to].</summary>
    public static (MeanStd Modulus, MeanStd Hardness) Average(IReadOnlyList<CsmPoint> curve, double from, double to)
    {
        var sel = curve.Where(c => c.Depth >= from && c.Depth <= to).ToList();
        return (MeanStd.Of(sel.Select(c => c.Modulus)), MeanStd.Of(sel.Select(c => c.Hardness)));
    }

    static double Value(double[]? a, int i) => a != null && i < a.Length ? a[i] : double.NaN;

    /// <summary>First row of the hold at peak load (G200 "Hold Segment" marker), else the row of greatest depth (under displacement control the load may fall with a slower rate).</summary>
    static int LoadingEnd(IndentTest t)
    {
        int hold = t.FindMarker("Hold Segment");
        if (hold > 0 && !t.Markers.First(m => m.Index == hold).Name.Contains("Drift", StringComparison.OrdinalIgnoreCase)) return hold;
        int deepest = 0;
        for (int i = 1; i < t.Count; i++) if (t.Depth[i] > t.Depth[deepest]) deepest = i;
        return deepest + 1;
    }
}
