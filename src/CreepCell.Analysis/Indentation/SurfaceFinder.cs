namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Where the tip met the surface, in the record's own depth: the shift to subtract from every depth, the
/// exponent and prefactor of the loading law it rests on, the rows and load span of the fit and its rms load residual.
/// </summary>
public sealed record SurfaceResult(string Indent, double Shift, double Exponent, double Prefactor, int Points, double WindowLoad, double RmsLoad, int FirstContactRow);

/// <summary>
/// Surface finding (first contact) from the start of the loading. Near first contact the load of a
/// self-similar or rounded tip follows a power law of the depth past the surface, P = k (h - h0)^m
/// (m = 1.5 for the spherical apex, Hertz; m = 2 for a sharp pyramid), and before contact the load is zero.
/// The surface h0 and the exponent m are found by least squares of P = k max(h - h0, 0)^m over the rows
/// from the start of the record up to a small share of the peak load (and before the first pop-in), so the approach rows pin the load
/// to zero and the first loaded rows give the curvature. For each trial (h0, m) the best k is closed form,
/// m is refined by golden section inside [1, 3], and h0 by a scan then golden section. A record that
/// starts at contact gives h0 before its first row. The load zero is taken as the instrument's (tared).
/// </summary>
internal static class SurfaceFinder
{
    /// <summary>Upper end of the fit window as a share of the test's largest load (the rounded-apex regime).</summary>
    public const double WindowFraction = 0.02;
    /// <summary>Fits whose rms load residual exceeds this share of the window's largest load are refused.</summary>
    public const double MaxRelativeRms = 0.05;
    const double MinExponent = 1, MaxExponent = 3;

    public static SurfaceResult? Find(IndentTest test, out string? why)
    {
        int end = WindowEnd(test);
        if (end < 10) { why = $"only {end} rows in the loading before {WindowFraction:P0} of the peak load, the first peak or the first pop-in (need 10 to find the surface)"; return null; }
        var h = test.Depth.Take(end).ToArray();
        var p = test.Load.Take(end).ToArray();
        if (!h.All(double.IsFinite) || !p.All(double.IsFinite)) { why = "the start of the loading has missing depth or load values"; return null; }
        double pTop = p.Max();
        int firstHigh = Array.FindIndex(p, x => x >= 0.25 * pTop);
        // Contact is certainly made before the load reaches a quarter of the window's top; it may precede the record.
        double hi = h[firstHigh], lo = h.Min() - (h.Max() - h.Min());
        double h0 = MinimiseOverShift(h, p, lo, hi);
        var (sse, k, m) = BestExponent(h, p, h0);
        double rms = Math.Sqrt(sse / h.Length);
        if (!(k > 0) || !double.IsFinite(rms)) { why = "no rising power law fits the start of the loading"; return null; }
        if (m <= MinExponent + 1e-3 || m >= MaxExponent - 1e-3) { why = $"the loading exponent runs to the bound of {MinExponent}..{MaxExponent} (m = {m:G3}); the start of the loading is not a contact law"; return null; }
        if (rms > MaxRelativeRms * pTop) { why = $"the loading law misses the data by {rms / pTop:P1} of the window's load (more than {MaxRelativeRms:P0})"; return null; }
        int first = Array.FindIndex(test.Depth, d => d > h0);
        why = null;
        return new SurfaceResult(test.Name, h0, m, k, h.Length, pTop, rms, first);
    }

    /// <summary>The test with the surface shift subtracted from every depth.</summary>
    public static IndentTest Shifted(IndentTest test, double shift) => test with { Depth = test.Depth.Select(d => d - shift).ToArray() };

    /// <summary>
    /// Rows of the first loading up to the first that reaches <see cref="WindowFraction"/> of the largest load,
    /// or the first peak (the first cycle of a multi-cycle test may stay below that share).
    /// </summary>
    static int WindowEnd(IndentTest t)
    {
        double pMax = t.Load.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var unloads = Segmentation.FindUnloads(t.Load);
        int peak = unloads.Count > 0 ? unloads[0].PeakIndex : Array.IndexOf(t.Load, pMax);
        int end = Math.Min(peak + 1, t.Count);
        for (int i = 0; i <= peak && i < t.Count; i++)
            if (t.Load[i] >= WindowFraction * pMax) { end = i + 1; break; }
        // A pop-in breaks the contact law: the window stops before the first one that carries a tenth of the
        // window's load (smaller "bursts" are the unloaded approach, where the depth runs with no load).
        double top = t.Load.Take(end).Max();
        var burst = PopIns.Find(t, new PopInOptions()).FirstOrDefault(e => e.Index < end && e.Load >= 0.1 * top);
        return burst is null ? end : burst.Index + 1;
    }

    static double MinimiseOverShift(double[] h, double[] p, double lo, double hi)
    {
        const int scan = 200;
        double best = double.PositiveInfinity; int bestK = 0;
        for (int k = 0; k <= scan; k++)
        {
            double s = BestExponent(h, p, lo + (hi - lo) * k / scan).Sse;
            if (s < best) { best = s; bestK = k; }
        }
        double a = lo + (hi - lo) * Math.Max(bestK - 1, 0) / scan, b = lo + (hi - lo) * Math.Min(bestK + 1, scan) / scan;
        return Golden.Minimise(x => BestExponent(h, p, x).Sse, a, b, 1e-13);
    }

    /// <summary>The exponent that fits best for a trial surface, with its prefactor and squared load residual.</summary>
    static (double Sse, double K, double M) BestExponent(double[] h, double[] p, double h0)
    {
        double m = Golden.Minimise(x => Residual(h, p, h0, x).Sse, MinExponent, MaxExponent, 1e-6);
        var (sse, k) = Residual(h, p, h0, m);
        return (sse, k, m);
    }

    /// <summary>Least squares for k in P = k x, x = max(h - h0, 0)^m: k = sum(P x) / sum(x^2).</summary>
    static (double Sse, double K) Residual(double[] h, double[] p, double h0, double m)
    {
        // Depths in nm keep x^m of order one for any m.
        double spp = 0, spx = 0, sxx = 0;
        for (int i = 0; i < h.Length; i++)
        {
            double d = (h[i] - h0) * 1e9;
            double x = d > 0 ? Math.Pow(d, m) : 0;
            spp += p[i] * p[i]; spx += p[i] * x; sxx += x * x;
        }
        if (sxx <= 0) return (spp, 0);
        double k = spx / sxx;
        return (Math.Max(spp - k * spx, 0), k * Math.Pow(1e9, m));
    }
}

/// <summary>Golden-section search for the minimum of a unimodal function on [a, b].</summary>
internal static class Golden
{
    public static double Minimise(Func<double, double> f, double a, double b, double tolerance)
    {
        double g = (Math.Sqrt(5) - 1) / 2;
        double c = b - g * (b - a), d = a + g * (b - a), fc = f(c), fd = f(d);
        for (int it = 0; it < 200 && Math.Abs(b - a) > tolerance; it++)
        {
            if (fc < fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = f(d); }
        }
        return fc < fd ? c : d;
    }
}
