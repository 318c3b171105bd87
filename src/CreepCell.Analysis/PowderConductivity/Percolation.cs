namespace CreepCell.Analysis.PowderConductivity;

/// <summary>
/// Percolation law of a conductor dispersed in an insulator, sigma = sigma0 (phi - phi_c)^t for phi &gt; phi_c
/// (Kirkpatrick, Rev. Mod. Phys. 45 (1973) 574; t is near 2 in three dimensions). For each trial phi_c the
/// law is a straight line in ln sigma against ln(phi - phi_c); phi_c is the one that leaves the least
/// squared residual, found by a scan of [0, min phi) and a golden-section refinement.
/// </summary>
internal static class Percolation
{
    public static PercolationFit Fit(IReadOnlyList<double> phi, IReadOnlyList<double> sigma)
    {
        if (phi.Count < 3 || phi.Distinct().Count() < 3) throw new ArgumentException("the percolation fit needs at least three mixtures with different conducting fractions");
        double hi = phi.Min();
        const int scan = 2000;
        double h = hi / scan;
        int best = 0;
        double bestSse = double.PositiveInfinity;
        for (int k = 0; k < scan; k++)
        {
            double s = Sse(phi, sigma, k * h);
            if (s < bestSse) { bestSse = s; best = k; }
        }
        if (best == scan - 1) throw new ArgumentException($"the conductivities keep fitting better as phi_c approaches the smallest fraction {hi:G4}; they do not follow a percolation law above a threshold");
        double a = Math.Max(0, (best - 1) * h), b = (best + 1) * h;
        double phiC = Golden(x => Sse(phi, sigma, x), a, b);
        var line = Line(phi, sigma, phiC)!;
        return new PercolationFit(Math.Exp(line.Intercept), phiC, line.Slope, line.RSquared, phi.Count);
    }

    static LinearFit? Line(IReadOnlyList<double> phi, IReadOnlyList<double> sigma, double phiC) =>
        LinearFit.Of(phi.Select(p => Math.Log(p - phiC)).ToList(), sigma.Select(s => Math.Log(s)).ToList());

    static double Sse(IReadOnlyList<double> phi, IReadOnlyList<double> sigma, double phiC)
    {
        var f = Line(phi, sigma, phiC);
        if (f is null) return double.PositiveInfinity;
        double sse = 0;
        for (int i = 0; i < phi.Count; i++)
        {
            double r = Math.Log(sigma[i]) - f.Intercept - f.Slope * Math.Log(phi[i] - phiC);
            sse += r * r;
        }
        return sse;
    }

    static double Golden(Func<double, double> f, double a, double b)
    {
        double g = (Math.Sqrt(5) - 1) / 2;
        double c = b - g * (b - a), d = a + g * (b - a);
        double fc = f(c), fd = f(d);
        for (int it = 0; it < 200 && b - a > 1e-14; it++)
        {
            if (fc < fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = f(d); }
        }
        return (a + b) / 2;
    }
}
