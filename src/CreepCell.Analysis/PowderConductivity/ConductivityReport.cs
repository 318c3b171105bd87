using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreepCell.Analysis.Energy;
using ScottPlot;

namespace CreepCell.Analysis.PowderConductivity;

/// <summary>Tables and plots of the powder conductivity in the units of the field (MPa, mm, ohm cm, S/cm, g/cm3).</summary>
public static class ConductivityReport
{
    static readonly string[] Columns =
    {
        "powder", "line", "pressure_MPa", "thickness_mm", "resistance_ohm", "sheet_resistance_ohm_sq", "rcf", "rcf_from",
        "resistivity_ohm_cm", "conductivity_S_cm", "compact_density_g_cm3", "relative_density", "conducting_fraction",
    };

    public static string Csv(IEnumerable<PowderSummary> powders)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', Columns));
        foreach (var p in powders.SelectMany(s => s.Points))
            sb.AppendLine(string.Join(',', Row(p).Select(Cell)));
        return sb.ToString();
    }

    static object?[] Row(ConductivityPoint p) => new object?[]
    {
        p.Powder, p.Line, p.Pressure / 1e6, p.Thickness * 1e3, p.Resistance, p.SheetResistance, p.Rcf, p.RcfOrigin,
        p.Resistivity * 100, p.Conductivity / 100, p.CompactDensity / 1000, p.RelativeDensity, p.Fraction,
    };

    static string Cell(object? v) => v switch
    {
        null => "",
        double d => double.IsFinite(d) ? d.ToString("G10", CultureInfo.InvariantCulture) : "",
        string s => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s,
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    static JsonNode? N(double? v) => v is double d && double.IsFinite(d) ? JsonValue.Create(double.Parse(d.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)) : null;

    public static string Json(string source, IReadOnlyList<PowderSummary> powders, PercolationFit? fit, double? fitPressure)
    {
        var arr = new JsonArray();
        foreach (var s in powders)
        {
            var steps = new JsonArray();
            foreach (var p in s.Points)
            {
                var o = new JsonObject();
                var r = Row(p);
                for (int k = 1; k < Columns.Length; k++) o[Columns[k]] = r[k] switch { double d => N(d), int n => n, string t => t, _ => null };
                steps.Add(o);
            }
            arr.Add(new JsonObject
            {
                ["powder"] = s.Powder, ["conducting_fraction"] = N(s.Fraction),
                ["log_log_slope"] = N(s.LogLog?.Slope), ["log_log_r2"] = N(s.LogLog?.RSquared), ["steps"] = steps,
            });
        }
        var root = new JsonObject
        {
            ["source"] = source,
            ["formula"] = "rho = R t RCF (or Rs t), sigma = 1/rho",
            ["powders"] = arr,
        };
        if (fit is not null)
            root["percolation"] = new JsonObject
            {
                ["law"] = "sigma = sigma0 (phi - phi_c)^t", ["pressure_MPa"] = N(fitPressure / 1e6), ["sigma0_S_cm"] = N(fit.Sigma0 / 100),
                ["phi_c"] = N(fit.Threshold), ["t"] = N(fit.Exponent), ["r2_ln_sigma"] = N(fit.RSquared), ["mixtures"] = fit.Points,
            };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static List<CalcLine> Lines(IReadOnlyList<PowderSummary> powders, PercolationFit? fit, double? fitPressure)
    {
        var lines = new List<CalcLine>();
        foreach (var s in powders)
        {
            foreach (var p in s.Points)
                lines.Add(new($"{s.Powder} at {p.Pressure / 1e6:G4} MPa", p.Conductivity / 100, "S/cm",
                    p.Rcf is double f ? $"1 / (R t RCF), t {p.Thickness * 1e3:G4} mm, RCF {f:G4} {p.RcfOrigin}" : $"1 / (Rs t), t {p.Thickness * 1e3:G4} mm"));
            if (s.LogLog is { } l) lines.Add(new($"{s.Powder} d ln(sigma) / d ln(P)", l.Slope, "-", $"line fit, R2 {l.RSquared:F4}"));
        }
        if (fit is not null)
        {
            string at = $"at {fitPressure / 1e6:G4} MPa";
            lines.Add(new($"percolation threshold phi_c {at}", fit.Threshold, "-", "sigma = sigma0 (phi - phi_c)^t"));
            lines.Add(new($"percolation exponent t {at}", fit.Exponent, "-", $"R2 of ln sigma {fit.RSquared:F4}"));
            lines.Add(new($"sigma0 {at}", fit.Sigma0 / 100, "S/cm", "prefactor"));
        }
        return lines;
    }

    /// <summary>Conductivity against pressure on log-log axes, one series per powder.</summary>
    public static byte[] VsPressure(IReadOnlyList<PowderSummary> powders) =>
        Plot(powders, p => p.Pressure / 1e6, "log10 pressure (MPa)", true);

    /// <summary>Conductivity against the relative density of the compact (powders with a true density).</summary>
    public static byte[] VsRelativeDensity(IReadOnlyList<PowderSummary> powders) =>
        Plot(powders.Where(s => s.Points.All(p => p.RelativeDensity is not null)).ToList(), p => p.RelativeDensity!.Value, "relative density", false);

    static byte[] Plot(IReadOnlyList<PowderSummary> powders, Func<ConductivityPoint, double> x, string xLabel, bool logX)
    {
        var plt = new Plot();
        foreach (var s in powders)
        {
            var sc = plt.Add.Scatter(s.Points.Select(p => logX ? Math.Log10(x(p)) : x(p)).ToArray(), s.Points.Select(p => Math.Log10(p.Conductivity / 100)).ToArray());
            sc.LegendText = s.LogLog is { } l && logX ? $"{s.Powder} (slope {l.Slope:F2})" : s.Powder;
        }
        plt.XLabel(xLabel);
        plt.YLabel("log10 conductivity (S/cm)");
        plt.ShowLegend();
        return plt.GetImage(900, 600).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>The mixtures' conductivity against the conducting fraction with the fitted percolation law.</summary>
    public static byte[] PercolationPlot(IReadOnlyList<double> phi, IReadOnlyList<double> sigma, PercolationFit fit)
    {
        var plt = new Plot();
        var pts = plt.Add.ScatterPoints(phi.ToArray(), sigma.Select(s => Math.Log10(s / 100)).ToArray());
        pts.LegendText = "measured";
        double lo = fit.Threshold + 1e-3 * (phi.Max() - fit.Threshold), hi = phi.Max();
        var xs = Enumerable.Range(0, 200).Select(k => lo + (hi - lo) * k / 199.0).ToArray();
        var line = plt.Add.Scatter(xs, xs.Select(p => Math.Log10(fit.Sigma0 * Math.Pow(p - fit.Threshold, fit.Exponent) / 100)).ToArray());
        line.MarkerSize = 0;
        line.LegendText = $"phi_c = {fit.Threshold:F3}, t = {fit.Exponent:F2}";
        var v = plt.Add.VerticalLine(fit.Threshold);
        v.LinePattern = LinePattern.Dashed;
        plt.XLabel("volume fraction of the conductor");
        plt.YLabel("log10 conductivity (S/cm)");
        plt.ShowLegend();
        return plt.GetImage(900, 600).GetImageBytes(ImageFormat.Png);
    }
}
