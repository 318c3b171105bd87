namespace CreepCell.Analysis.Voltammetry;

/// <summary>
/// Scan-rate analysis over several voltammograms of one electrode: Randles-Sevcik
/// ip = 0.4463 n F A C (n F v D / (R T))^1/2 (reversible wave, semi-infinite linear diffusion; Bard and
/// Faulkner, Electrochemical Methods, 2nd ed., eq. 6.2.19), the b-value of ip = a v^b (Lindstrom et al.,
/// J. Phys. Chem. B 101 (1997) 7717), and the capacitive/diffusive split at each potential by
/// i/v^1/2 = k1 v^1/2 + k2 (Wang, Polleux, Lim and Dunn, J. Phys. Chem. C 111 (2007) 14925).
/// Peak currents are measured from the baseline of <see cref="PeakAnalysis"/>.
/// </summary>
internal static class ScanRateSeries
{
    public const double Faraday = 96485.33212, GasConstant = 8.314462618, RandlesSevcikConstant = 0.4463;

    public static SeriesResult Analyze(IReadOnlyList<RatePoint> points, RandlesSevcikInputs inputs, double splitStep)
    {
        var anodic = Series("anodic", points, p => p.Cycle.Anodic?.PeakCurrent, inputs);
        var cathodic = Series("cathodic", points, p => p.Cycle.Cathodic?.PeakCurrent, inputs);
        var dunn = new List<DunnRow>();
        var fractions = new List<DunnFraction>();
        if (points.Select(p => p.ScanRate).Distinct().Count() >= 2)
        {
            var grids = new[] { 1, -1 }.Select(d => (d, Grid(points, d, splitStep))).Where(g => g.Item2.Count > 0).ToList();
            foreach (var (d, grid) in grids) dunn.AddRange(grid.Select(e => Split(points, d, e)));
            fractions = Fractions(points, dunn);
        }
        return new SeriesResult(points, anodic, cathodic, dunn, fractions, inputs);
    }

    /// <summary>D from the slope of ip against v^1/2: D = (slope / (0.4463 n F A C))^2 R T / (n F).</summary>
    public static double Diffusivity(double slope, RandlesSevcikInputs i)
    {
        double n = i.Electrons!.Value;
        double k = slope / (RandlesSevcikConstant * n * Faraday * i.Area!.Value * i.Concentration!.Value);
        return k * k * GasConstant * i.Temperature / (n * Faraday);
    }

    static PeakSeries Series(string name, IReadOnlyList<RatePoint> points, Func<RatePoint, double?> current, RandlesSevcikInputs inputs)
    {
        var withPeak = points.Where(p => current(p) is not null).ToList();
        if (withPeak.Select(p => p.ScanRate).Distinct().Count() < 2) return new PeakSeries(name, null, null, null);
        var sqrt = LinearFit.Of(withPeak.Select(p => Math.Sqrt(p.ScanRate)).ToList(), withPeak.Select(p => current(p)!.Value).ToList());
        var log = LinearFit.Of(withPeak.Select(p => Math.Log10(p.ScanRate)).ToList(), withPeak.Select(p => Math.Log10(Math.Abs(current(p)!.Value))).ToList());
        double? d = sqrt is not null && inputs is { Area: not null, Concentration: not null, Electrons: not null } ? Diffusivity(sqrt.Slope, inputs) : null;
        return new PeakSeries(name, sqrt, d, log);
    }

    static Segment? SegmentOf(RatePoint p, int direction) =>
        p.Result.Segments.FirstOrDefault(s => s.Cycle == p.Cycle.Cycle && s.Direction == direction && s.Points.Count >= 5);

    // The potentials every file sweeps in this direction, 2 % in from each end to stay clear of the vertices.
    static List<double> Grid(IReadOnlyList<RatePoint> points, int direction, double step)
    {
        var segs = points.Select(p => SegmentOf(p, direction)).ToList();
        if (segs.Any(s => s is null)) return new List<double>();
        double lo = segs.Max(s => Math.Min(s!.StartPotential, s.EndPotential));
        double hi = segs.Min(s => Math.Max(s!.StartPotential, s.EndPotential));
        double margin = 0.02 * (hi - lo);
        lo += margin;
        hi -= margin;
        var grid = new List<double>();
        for (int k = 0; lo + k * step <= hi + 1e-12; k++) grid.Add(lo + k * step);
        return grid;
    }

    static DunnRow Split(IReadOnlyList<RatePoint> points, int direction, double e)
    {
        var x = new List<double>();
        var y = new List<double>();
        foreach (var p in points)
        {
            double i = PeakAnalysis.Interpolate(SegmentOf(p, direction)!.Points, e);
            x.Add(Math.Sqrt(p.ScanRate));
            y.Add(i / Math.Sqrt(p.ScanRate));
        }
        var fit = LinearFit.Of(x, y)!;
        return new DunnRow(e, direction, fit.Slope, fit.Intercept, fit.RSquared);
    }

    static List<DunnFraction> Fractions(IReadOnlyList<RatePoint> points, List<DunnRow> rows)
    {
        var list = new List<DunnFraction>();
        foreach (var rate in points.Select(p => p.ScanRate).Distinct().Order())
        {
            var p = points.First(q => q.ScanRate == rate);
            double cap = 0, total = 0;
            foreach (var r in rows)
            {
                cap += Math.Abs(r.K1 * rate);
                total += Math.Abs(PeakAnalysis.Interpolate(SegmentOf(p, r.Direction)!.Points, r.Potential));
            }
            if (total > 0) list.Add(new DunnFraction(rate, cap / total));
        }
        return list;
    }
}
