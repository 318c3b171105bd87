namespace CreepCell.Simulation;

/// <summary>
/// A least-squares straight line y = a + b (x - mean x) through the values of one watched quantity at the
/// cycles computed in full (x is the cycle number or its logarithm), with the scatter of the cycles about
/// it and a test of whether a parabola fits them markedly better (the trend bends within the window).
/// </summary>
internal readonly record struct CycleTrend(double Level, double Slope, double Scatter, double Mean, double Spread, int Count, TrendBend Bend, double Noise)
{
    /// <summary>F ratio above which the parabola's gain over the line is taken as a real bend, not scatter
    /// (the 99 % point of F(1, 3) is 34 and of F(1, 6) is 13.7; 20 sits between for windows of 6 to 8 cycles).</summary>
    public const double BendRatio = 20;

    /// <summary>The fitted trend at x.</summary>
    public double At(double x) => Level + Slope * (x - Mean);

    /// <summary>Standard error of the fitted trend (not of one cycle) at x.</summary>
    public double StandardError(double x) => Scatter * Math.Sqrt(1.0 / Count + (x - Mean) * (x - Mean) / Spread);

    /// <summary>The line through (x, y) by least squares; needs at least three distinct x.</summary>
    public static CycleTrend Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        if (n < 3 || y.Count != n) throw new ArgumentException("a trend needs at least three cycles, one value each");
        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my); }
        if (!(sxx > 0)) throw new ArgumentException("a trend needs cycles at different x");
        double b = sxy / sxx, rssLine = 0;
        for (int i = 0; i < n; i++) { double r = y[i] - my - b * (x[i] - mx); rssLine += r * r; }
        double scatter = Math.Sqrt(rssLine / Math.Max(1, n - 2));
        var bend = Parabola(x, y, mx, sxx);
        // the bend counts when the parabola removes far more of the residual than scatter would
        double rssParabola = Math.Max(rssLine - bend.Gain, 0), floor = 1e-24 * Math.Max(1, my * my);
        bool bends = n >= 4 && bend.Gain > floor && (rssParabola <= floor || bend.Gain / (rssParabola / (n - 3)) > BendRatio);
        // the cycles' own scatter: about the parabola where the window bends, about the line where it does not
        double noise = bends ? Math.Sqrt(rssParabola / (n - 3)) : scatter;
        return new CycleTrend(my, b, scatter, mx, sxx, n, bend with { Significant = bends }, noise);
    }

    /// <summary>The quadratic coefficient of the parabola through the points, made orthogonal to the line
    /// (p2 = d^2 - alpha d - beta with d = x - mean), and the residual sum of squares it removes.</summary>
    static TrendBend Parabola(IReadOnlyList<double> x, IReadOnlyList<double> y, double mx, double sxx)
    {
        int n = x.Count;
        double s3 = 0;
        for (int i = 0; i < n; i++) s3 += Math.Pow(x[i] - mx, 3);
        double alpha = s3 / sxx, beta = sxx / n, pp = 0, py = 0;
        for (int i = 0; i < n; i++)
        {
            double d = x[i] - mx, p = d * d - alpha * d - beta;
            pp += p * p;
            py += p * y[i];
        }
        if (!(pp > 1e-300)) return new TrendBend(0, 0, false);
        return new TrendBend(py / pp, py * py / pp, false);
    }
}
