namespace CreepCell.Analysis.Indentation;

/// <summary>A straight-line least-squares fit y = Intercept + Slope x with the standard error of the slope.</summary>
internal readonly record struct LineFit(double Slope, double Intercept, double SlopeError, int Points)
{
    public static LineFit Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        if (n < 2) return new LineFit(double.NaN, double.NaN, double.NaN, n);
        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my); }
        if (sxx <= 0) return new LineFit(double.NaN, double.NaN, double.NaN, n);
        double slope = sxy / sxx, icpt = my - slope * mx, sse = 0;
        for (int i = 0; i < n; i++) { double r = y[i] - icpt - slope * x[i]; sse += r * r; }
        double err = n > 2 ? Math.Sqrt(sse / (n - 2) / sxx) : double.NaN; // two points fix a line but not its uncertainty
        return new LineFit(slope, icpt, err, n);
    }
}

/// <summary>Mean and sample standard deviation over indents.</summary>
public readonly record struct MeanStd(double Mean, double Std, int Count)
{
    public static MeanStd Of(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length == 0) return new MeanStd(double.NaN, double.NaN, 0);
        double m = v.Average();
        double s = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1)) : 0;
        return new MeanStd(m, s, v.Length);
    }
}
