namespace CreepCell.Analysis.Indentation;

/// <summary>
/// Power-law fit of an unloading curve, P = B (h - hf)^m (Oliver and Pharr 1992, eq. 23). For a trial hf
/// the fit is linear in ln P = ln B + m ln(h - hf); hf is then chosen to minimise the squared load
/// residual by a scan followed by golden-section refinement.
/// </summary>
public readonly record struct UnloadFit(double B, double M, double Hf, double RmsResidual, int Points)
{
    public double Load(double h) => h > Hf ? B * Math.Pow(h - Hf, M) : 0;

    /// <summary>dP/dh = B m (h - hf)^(m-1).</summary>
    public double Slope(double h) => h > Hf ? B * M * Math.Pow(h - Hf, M - 1) : 0;

    public static UnloadFit Fit(IReadOnlyList<double> h, IReadOnlyList<double> p)
    {
        int n = h.Count;
        if (n < 4) throw new ArgumentException("at least 4 points are needed");
        double hMin = h.Min(), hMax = h.Max(), span = Math.Max(hMax - hMin, 1e-12);
        double hi = hMin - 1e-6 * span, lo = hMin - 20 * span;
        const int scan = 80;
        double best = double.PositiveInfinity; int bestK = 0;
        for (int k = 0; k <= scan; k++)
        {
            double r = Residual(h, p, Grid(lo, hi, k, scan)).Sse;
            if (r < best) { best = r; bestK = k; }
        }
        double a = Grid(lo, hi, Math.Max(bestK - 1, 0), scan), b = Grid(lo, hi, Math.Min(bestK + 1, scan), scan);
        double hf = Golden(x => Residual(h, p, x).Sse, a, b);
        var (sse, lnB, m) = Residual(h, p, hf);
        return new UnloadFit(Math.Exp(lnB), m, hf, Math.Sqrt(sse / n), n);
    }

    /// <summary>Scan on a geometric grid towards hMin, where the residual changes fastest.</summary>
    static double Grid(double lo, double hi, int k, int n) => hi - (hi - lo) * Math.Pow((double)(n - k) / n, 3);

    static (double Sse, double LnB, double M) Residual(IReadOnlyList<double> h, IReadOnlyList<double> p, double hf)
    {
        var x = new double[h.Count];
        var y = new double[h.Count];
        for (int i = 0; i < h.Count; i++) { x[i] = Math.Log(h[i] - hf); y[i] = Math.Log(Math.Max(p[i], 1e-300)); }
        var line = LineFit.Of(x, y);
        double sse = 0;
        for (int i = 0; i < h.Count; i++) { double r = p[i] - Math.Exp(line.Intercept + line.Slope * x[i]); sse += r * r; }
        return (double.IsFinite(sse) ? sse : double.PositiveInfinity, line.Intercept, line.Slope);
    }

    static double Golden(Func<double, double> f, double a, double b)
    {
        double g = (Math.Sqrt(5) - 1) / 2;
        double c = b - g * (b - a), d = a + g * (b - a), fc = f(c), fd = f(d);
        for (int it = 0; it < 200 && Math.Abs(b - a) > 1e-12 * Math.Max(1e-9, Math.Abs(a)); it++)
        {
            if (fc < fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = f(d); }
        }
        return fc < fd ? c : d;
    }
}
