using ScottPlot;

namespace CreepCell.Analysis.Voltammetry;

/// <summary>PNG plots of a voltammetry analysis: voltammograms, ip against v^1/2, log ip against log v, Dunn's split.</summary>
internal static class CvPlots
{
    const int Width = 900, Height = 600;

    /// <summary>The analysed cycle of each file, one colour per scan rate, with its peaks marked.</summary>
    public static byte[] Voltammograms(IReadOnlyList<RatePoint> points)
    {
        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int k = 0; k < points.Count; k++)
        {
            var p = points[k];
            var pts = p.Result.Segments.Where(s => s.Cycle == p.Cycle.Cycle).SelectMany(s => s.Points).ToList();
            var line = plt.Add.Scatter(pts.Select(q => q.Potential).ToArray(), pts.Select(q => q.Current * 1e3).ToArray());
            line.Color = palette.GetColor(k);
            line.MarkerSize = 0;
            line.LegendText = $"{p.ScanRate * 1e3:G4} mV/s";
            foreach (var peak in new[] { p.Cycle.Anodic, p.Cycle.Cathodic })
                if (peak is { PeakPotential: double e, RawCurrent: double i })
                {
                    var m = plt.Add.Marker(e, i * 1e3);
                    m.Color = palette.GetColor(k);
                }
        }
        plt.XLabel("potential (V)");
        plt.YLabel("current (mA, anodic positive)");
        plt.ShowLegend();
        return Png(plt);
    }

    /// <summary>Peak currents against the square root of the scan rate with the Randles-Sevcik lines.</summary>
    public static byte[] PeakVsSqrtRate(SeriesResult s)
    {
        var plt = new Plot();
        foreach (var (series, current) in Peaks(s))
            AddSeries(plt, s.Points, series.Peak, series.SqrtFit, current, Math.Sqrt, i => i * 1e3, 1e3, f => $"{f.Slope * 1e3:G4} mA/(V/s)^0.5");
        plt.XLabel("v^1/2 ((V/s)^1/2)");
        plt.YLabel("peak current (mA)");
        plt.ShowLegend();
        return Png(plt);
    }

    /// <summary>log10 |ip| against log10 v; the slope is the b-value.</summary>
    public static byte[] LogPeakVsLogRate(SeriesResult s)
    {
        var plt = new Plot();
        foreach (var (series, current) in Peaks(s))
            AddSeries(plt, s.Points, series.Peak, series.LogFit, current, Math.Log10, i => Math.Log10(Math.Abs(i)), 1, f => $"b = {f.Slope:F3}");
        plt.XLabel("log10 v (V/s)");
        plt.YLabel("log10 |ip| (A)");
        plt.ShowLegend();
        return Png(plt);
    }

    static IEnumerable<(PeakSeries, Func<RatePoint, double?>)> Peaks(SeriesResult s)
    {
        yield return (s.Anodic, p => p.Cycle.Anodic?.PeakCurrent);
        yield return (s.Cathodic, p => p.Cycle.Cathodic?.PeakCurrent);
    }

    /// <summary>Points y(ip) against x(v) and the fitted line, drawn in the plot's units (fit value times fitScale).</summary>
    static void AddSeries(Plot plt, IReadOnlyList<RatePoint> all, string name, LinearFit? fit, Func<RatePoint, double?> current,
        Func<double, double> x, Func<double, double> y, double fitScale, Func<LinearFit, string> label)
    {
        var pts = all.Where(p => current(p) is not null).ToList();
        if (pts.Count == 0 || fit is null) return;
        double[] xs = pts.Select(p => x(p.ScanRate)).ToArray();
        var m = plt.Add.ScatterPoints(xs, pts.Select(p => y(current(p)!.Value)).ToArray());
        m.LegendText = $"{name}: {label(fit)}";
        double lo = xs.Min(), hi = xs.Max();
        var l = plt.Add.Line(lo, (fit.Intercept + fit.Slope * lo) * fitScale, hi, (fit.Intercept + fit.Slope * hi) * fitScale);
        l.Color = m.Color;
        l.LinePattern = LinePattern.Dashed;
    }

    /// <summary>The voltammogram at one scan rate with the capacitive current k1 v of Dunn's split.</summary>
    public static byte[] DunnSplit(SeriesResult s, RatePoint p)
    {
        var plt = new Plot();
        var pts = p.Result.Segments.Where(q => q.Cycle == p.Cycle.Cycle).SelectMany(q => q.Points).ToList();
        var total = plt.Add.Scatter(pts.Select(q => q.Potential).ToArray(), pts.Select(q => q.Current * 1e3).ToArray());
        total.MarkerSize = 0;
        total.LegendText = "measured";
        foreach (int d in new[] { 1, -1 })
        {
            var rows = s.Dunn.Where(r => r.Direction == d).ToList();
            if (rows.Count == 0) continue;
            var cap = plt.Add.Scatter(rows.Select(r => r.Potential).ToArray(), rows.Select(r => r.K1 * p.ScanRate * 1e3).ToArray());
            cap.MarkerSize = 0;
            cap.LineWidth = 2;
            cap.Color = Colors.OrangeRed;
            if (d > 0) cap.LegendText = "capacitive k1 v";
        }
        var share = s.Fractions.FirstOrDefault(f => f.ScanRate == p.ScanRate);
        plt.Title($"{p.ScanRate * 1e3:G4} mV/s" + (share is null ? "" : $": capacitive {share.CapacitiveFraction * 100:F1} %"));
        plt.XLabel("potential (V)");
        plt.YLabel("current (mA, anodic positive)");
        plt.ShowLegend();
        return Png(plt);
    }

    static byte[] Png(Plot plt) => plt.GetImage(Width, Height).GetImageBytes(ImageFormat.Png);
}
