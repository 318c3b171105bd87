using CreepCell.Io;
using ScottPlot;

namespace CreepCell.Analysis.Indentation;

/// <summary>
/// PNG plots of a report: load-depth curves with the unloading fits, H and E against depth (CSM),
/// ln H against ln eps_dot (strain-rate jumps) and ln eps_dot against ln sigma (hold creep).
/// </summary>
internal static class IndentPlots
{
    const int Width = 900, Height = 600;

    public static List<string> WriteAll(IndentReport r, string dir)
    {
        var written = new List<string>();
        void Put(string name, Plot p) { string path = Path.Combine(dir, name); AtomicFile.WriteAllBytes(path, p.GetImageBytes(Width, Height, ImageFormat.Png)); written.Add(path); }
        Put("load_depth.png", LoadDepth(r));
        if (r.Indents.Any(i => i.Csm.Count > 0)) { Put("csm_hardness.png", Csm(r, c => c.Hardness, "H (GPa)")); Put("csm_modulus.png", Csm(r, c => c.Modulus, "E (GPa)")); }
        if (r.Indents.Any(i => i.Rate != null)) Put("srj.png", Srj(r));
        if (r.Indents.Any(i => i.Hold != null)) Put("hold.png", Hold(r));
        return written;
    }

    /// <summary>
    /// Load against depth up to the end of the last unload (the tip's withdrawal above the surface is left
    /// out), one colour per indent, each unloading fit dashed in its indent's colour.
    /// </summary>
    public static Plot LoadDepth(IndentReport r)
    {
        var plt = new Plot();
        var colors = IndentColors(r.Indents.Count);
        for (int k = 0; k < r.Indents.Count; k++)
        {
            var i = r.Indents[k];
            double[] h = OliverPharr.CorrectedDepth(i.Test, i.Options);
            int end = InContact(h, i.Test.Load);
            var line = plt.Add.ScatterLine(h.Take(end).Select(x => x * 1e9).ToArray(), i.Test.Load.Take(end).Select(p => p * 1e3).ToArray());
            line.LegendText = i.Indent;
            line.Color = colors[k];
            foreach (var u in i.Unloads)
            {
                double lo = u.Fit.Hf + (u.Hmax - u.Fit.Hf) * Math.Pow(i.Options.UnloadWindowLow, 1 / u.Fit.M);
                var xs = Enumerable.Range(0, 30).Select(j => lo + (u.Hmax - lo) * j / 29.0).ToArray();
                var fit = plt.Add.ScatterLine(xs.Select(x => x * 1e9).ToArray(), xs.Select(x => u.Fit.Load(x) * 1e3).ToArray());
                fit.LineWidth = 1.5f;
                fit.LinePattern = LinePattern.Dashed;
                fit.Color = colors[k].Darken(0.4);
            }
        }
        plt.XLabel("depth (nm)"); plt.YLabel("load (mN)"); plt.Title("Load-depth curves; dashed: unloading fits");
        if (r.Indents.Count <= 12) plt.ShowLegend();
        return plt;
    }

    /// <summary>Number of leading rows up to the last one with the tip in the surface (depth and load at least zero).</summary>
    public static int InContact(double[] depth, double[] load)
    {
        int last = depth.Length - 1;
        while (last > 0 && !(depth[last] >= 0 && load[last] >= 0)) last--;
        return last + 1;
    }

    /// <summary>Category10 for up to ten indents, else colours spread over a colormap so that none repeats.</summary>
    static Color[] IndentColors(int n)
    {
        var palette = new ScottPlot.Palettes.Category10();
        var map = new ScottPlot.Colormaps.Turbo();
        return Enumerable.Range(0, n).Select(i => n <= 10 ? palette.GetColor(i) : map.GetColor(0.05 + 0.9 * i / (n - 1))).ToArray();
    }

    /// <summary>A CSM quantity against depth, the depth window of the averages shaded.</summary>
    public static Plot Csm(IndentReport r, Func<CsmPoint, double> value, string label)
    {
        var plt = new Plot();
        var withCsm = r.Indents.Where(i => i.Csm.Count > 0).ToList();
        var colors = IndentColors(withCsm.Count);
        for (int k = 0; k < withCsm.Count; k++)
        {
            var i = withCsm[k];
            var s = plt.Add.ScatterPoints(i.Csm.Select(c => c.Depth * 1e9).ToArray(), i.Csm.Select(c => value(c) / 1e9).ToArray());
            s.LegendText = i.Indent;
            s.MarkerSize = 3;
            s.Color = colors[k];
        }
        // A HorizontalSpan covers a range of x (here depth); a VerticalSpan would shade a range of E or H.
        plt.Add.HorizontalSpan(r.Job.CsmFrom * 1e9, r.Job.CsmTo * 1e9).FillStyle.Color = Colors.SteelBlue.WithAlpha(0.15);
        // Shallow CSM points (tip rounding, surface finding) can be off by orders of magnitude: scale to the window.
        var inWindow = r.Indents.SelectMany(i => i.Csm).Where(c => c.Depth >= r.Job.CsmFrom && c.Depth <= r.Job.CsmTo).Select(c => value(c) / 1e9).ToList();
        if (inWindow.Count > 0) plt.Axes.SetLimitsY(0, 1.6 * inWindow.Max());
        plt.XLabel("depth (nm)"); plt.YLabel(label); plt.Title(label + " against depth (CSM); shaded: averaging window");
        if (r.Indents.Count <= 12) plt.ShowLegend();
        return plt;
    }

    static Plot Srj(IndentReport r)
    {
        var plt = new Plot();
        foreach (var i in r.Indents.Where(i => i.Rate != null))
        {
            var x = i.Rate!.Segments.Select(s => Math.Log(s.StrainRate)).ToArray();
            var y = i.Rate.Segments.Select(s => Math.Log(s.Hardness / 1e9)).ToArray();
            var s = plt.Add.ScatterPoints(x, y);
            s.LegendText = $"{i.Indent}: m = {i.Rate.M:F3} +- {i.Rate.MError:F3}";
            double x0 = x.Min(), x1 = x.Max(), lnGPa = Math.Log(1e9);
            var line = plt.Add.Line(x0, i.Rate.LnHIntercept - lnGPa + i.Rate.M * x0, x1, i.Rate.LnHIntercept - lnGPa + i.Rate.M * x1);
            line.Color = s.Color;
        }
        plt.XLabel("ln(strain rate / (1/s))"); plt.YLabel("ln(H / GPa)"); plt.Title("Strain-rate jumps: m = dlnH/dln(strain rate), lines: fits");
        plt.ShowLegend();
        return plt;
    }

    static Plot Hold(IndentReport r)
    {
        var plt = new Plot();
        foreach (var i in r.Indents.Where(i => i.Hold != null))
        {
            var s = plt.Add.ScatterPoints(i.Hold!.Points.Select(p => Math.Log(p.Stress / 1e9)).ToArray(), i.Hold.Points.Select(p => Math.Log(p.StrainRate)).ToArray());
            s.LegendText = $"{i.Indent}: n = {i.Hold.N:F2}";
            s.MarkerSize = 3;
            double lnGPa = Math.Log(1e9), x0 = i.Hold.Points.Min(p => Math.Log(p.Stress)), x1 = i.Hold.Points.Max(p => Math.Log(p.Stress));
            var line = plt.Add.Line(x0 - lnGPa, i.Hold.LnRateIntercept + i.Hold.N * x0, x1 - lnGPa, i.Hold.LnRateIntercept + i.Hold.N * x1);
            line.Color = s.Color;
        }
        plt.XLabel("ln(sigma / GPa), sigma = P/(24.56 h^2)"); plt.YLabel("ln(strain rate / (1/s)), h_dot/h"); plt.Title("Constant-load hold creep");
        plt.ShowLegend();
        return plt;
    }
}
