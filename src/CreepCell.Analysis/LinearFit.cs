namespace CreepCell.Analysis;

/// <summary>Least-squares line y = Intercept + Slope x with its coefficient of determination.</summary>
public sealed record LinearFit(double Slope, double Intercept, double RSquared, int Points)
{
    /// <summary>Null when there are fewer than two points or x does not vary.</summary>
    public static LinearFit? Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        if (n < 2) return null;
        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (!(sxx > 0)) return null;
        double slope = sxy / sxx;
        double r2 = syy > 0 ? sxy * sxy / (sxx * syy) : 1;
        return new LinearFit(slope, my - slope * mx, r2, n);
    }
}
