using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreepCell.Analysis.Energy;

namespace CreepCell.Analysis.Voltammetry;

/// <summary>
/// Tables of a voltammetry analysis in the units papers use (V, mA, mC, mV/s, cm2/s). Quantities that
/// cannot be formed are empty in CSV and null in JSON, never NaN.
/// </summary>
public static class CvReport
{
    static readonly string[] PeakColumns =
    {
        "file", "scan_rate_mV_s", "cycle", "segment", "direction", "E_start_V", "E_end_V", "Ep_V", "ip_mA", "i_at_Ep_mA",
        "baseline_slope_mA_V", "baseline_intercept_mA", "charge_mC",
    };

    public static string PeaksCsv(IEnumerable<CvResult> results) => Csv(PeakColumns, results.SelectMany(r => r.Peaks.Select(p => PeakRow(r, p))));

    static object?[] PeakRow(CvResult r, SegmentPeak p) => new object?[]
    {
        Path.GetFileName(r.Data.Source), r.Data.ScanRate * 1e3, p.Cycle, p.Segment, p.Direction > 0 ? "anodic" : "cathodic", p.StartPotential, p.EndPotential,
        p.PeakPotential, p.PeakCurrent * 1e3, p.RawCurrent * 1e3, p.Baseline.Slope * 1e3, p.Baseline.Intercept * 1e3, p.Charge * 1e3,
    };

    static readonly string[] CycleColumns = { "file", "scan_rate_mV_s", "cycle", "Epa_V", "Epc_V", "dEp_mV", "E_half_V", "ipa_mA", "ipc_mA", "ipa_over_ipc", "Qa_mC", "Qc_mC" };

    public static string CyclesCsv(IEnumerable<CvResult> results) => Csv(CycleColumns, results.SelectMany(r => r.Cycles.Select(c => CycleRow(r, c))));

    static object?[] CycleRow(CvResult r, CycleSummary c) => new object?[]
    {
        Path.GetFileName(r.Data.Source), r.Data.ScanRate * 1e3, c.Cycle, c.Anodic?.PeakPotential, c.Cathodic?.PeakPotential, c.Separation * 1e3, c.HalfWave,
        c.Anodic?.PeakCurrent * 1e3, c.Cathodic?.PeakCurrent * 1e3, c.CurrentRatio, c.Anodic?.Charge * 1e3, c.Cathodic?.Charge * 1e3,
    };

    public static string SeriesCsv(SeriesResult s) => Csv(
        new[] { "file", "scan_rate_mV_s", "sqrt_scan_rate_V_s", "cycle", "ipa_mA", "ipc_mA" },
        s.Points.Select(p => new object?[] { Path.GetFileName(p.Result.Data.Source), p.ScanRate * 1e3, Math.Sqrt(p.ScanRate), p.Cycle.Cycle, p.Cycle.Anodic?.PeakCurrent * 1e3, p.Cycle.Cathodic?.PeakCurrent * 1e3 }));

    public static string DunnCsv(SeriesResult s) => Csv(
        new[] { "E_V", "sweep", "k1_mA_s_V", "k2_mA_s05_V05", "r2" },
        s.Dunn.Select(d => new object?[] { d.Potential, d.Direction > 0 ? "anodic" : "cathodic", d.K1 * 1e3, d.K2 * 1e3, d.RSquared }));

    static string Csv(string[] header, IEnumerable<object?[]> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', header));
        foreach (var r in rows) sb.AppendLine(string.Join(',', r.Select(Cell)));
        return sb.ToString();
    }

    static string Cell(object? v) => v switch
    {
        null => "",
        double d => double.IsFinite(d) ? d.ToString("G10", CultureInfo.InvariantCulture) : "",
        string s => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s,
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    static JsonNode? N(double? v) => v is double d && double.IsFinite(d) ? JsonValue.Create(double.Parse(d.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)) : null;

    public static string Json(IReadOnlyList<CvResult> results, SeriesResult? series, BaselineMode baseline, string convention, ReversePeakMode reverse = ReversePeakMode.Baseline)
    {
        var files = new JsonArray();
        foreach (var r in results)
            files.Add(new JsonObject
            {
                ["file"] = r.Data.Source, ["format"] = r.Data.Format, ["scan_rate_mV_s"] = N(r.Data.ScanRate * 1e3), ["scan_rate_from"] = r.Data.ScanRateOrigin,
                ["points"] = r.Data.Points.Count, ["segments"] = r.Segments.Count, ["cycles"] = Rows(CycleColumns, r.Cycles.Select(c => CycleRow(r, c))),
            });
        var root = new JsonObject
        {
            ["baseline"] = baseline == BaselineMode.Zero ? "zero current" : "line fitted to the current between 2 % and 12 % of each sweep",
            ["reverse_peak"] = reverse == ReversePeakMode.Nicholson ? "Nicholson 1966: |ip| = |(ip)0| + 0.485 |(isp)0| + 0.086 |ip,forward|" : "as the forward peak",
            ["current_convention"] = convention,
            ["files"] = files,
        };
        if (series is not null) root["scan_rate_series"] = SeriesJson(series);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    static JsonObject SeriesJson(SeriesResult s)
    {
        var i = s.Inputs;
        JsonObject Peak(PeakSeries p) => new()
        {
            ["ip_vs_sqrt_v_slope_mA_per_sqrt_V_s"] = N(p.SqrtFit?.Slope * 1e3), ["ip_vs_sqrt_v_intercept_mA"] = N(p.SqrtFit?.Intercept * 1e3), ["ip_vs_sqrt_v_r2"] = N(p.SqrtFit?.RSquared),
            ["D_cm2_s"] = N(p.Diffusivity * 1e4), ["b_value"] = N(p.B), ["log10_a_A"] = N(p.LogFit?.Intercept), ["b_value_r2"] = N(p.LogFit?.RSquared),
        };
        return new JsonObject
        {
            ["randles_sevcik"] = "ip = 0.4463 n F A C sqrt(n F v D / (R T))",
            ["area_cm2"] = N(i.Area * 1e4), ["concentration_mol_L"] = N(i.Concentration / 1000), ["electrons"] = i.Electrons, ["temperature_K"] = N(i.Temperature),
            ["anodic"] = Peak(s.Anodic), ["cathodic"] = Peak(s.Cathodic),
            ["capacitive_fraction"] = new JsonArray(s.Fractions.Select(f => (JsonNode)new JsonObject { ["scan_rate_mV_s"] = N(f.ScanRate * 1e3), ["fraction"] = N(f.CapacitiveFraction) }).ToArray()),
        };
    }

    static JsonArray Rows(string[] header, IEnumerable<object?[]> rows)
    {
        var arr = new JsonArray();
        foreach (var r in rows)
        {
            var o = new JsonObject();
            for (int k = 0; k < header.Length; k++)
                o[header[k]] = r[k] switch { double d => N(d), int n => n, string s => s, _ => null };
            arr.Add(o);
        }
        return arr;
    }

    /// <summary>The printed table: the analysed cycle of each file, then the scan-rate fits.</summary>
    public static List<CalcLine> Lines(IReadOnlyList<RatePoint> chosen, SeriesResult? s)
    {
        var lines = new List<CalcLine>();
        foreach (var p in chosen)
        {
            string at = $"{Path.GetFileName(p.Result.Data.Source)}, {p.ScanRate * 1e3:G4} mV/s, cycle {p.Cycle.Cycle}";
            var c = p.Cycle;
            if (c.Anodic is { } a) { lines.Add(new($"Epa ({at})", a.PeakPotential!.Value, "V", "anodic peak")); lines.Add(new($"ipa ({at})", a.PeakCurrent!.Value * 1e3, "mA", "above baseline")); }
            if (c.Cathodic is { } k) { lines.Add(new($"Epc ({at})", k.PeakPotential!.Value, "V", "cathodic peak")); lines.Add(new($"ipc ({at})", k.PeakCurrent!.Value * 1e3, "mA", "above baseline")); }
            if (c.Separation is double d) lines.Add(new($"dEp ({at})", d * 1e3, "mV", "Epa - Epc"));
            if (c.HalfWave is double h) lines.Add(new($"E1/2 ({at})", h, "V", "(Epa + Epc)/2"));
        }
        if (s is null) return lines;
        foreach (var p in new[] { s.Anodic, s.Cathodic })
        {
            if (p.SqrtFit is { } f) lines.Add(new($"{p.Peak} ip / v^1/2", f.Slope * 1e3, "mA/(V/s)^0.5", $"line fit, R2 {f.RSquared:F4}"));
            if (p.Diffusivity is double dd) lines.Add(new($"{p.Peak} D (Randles-Sevcik)", dd * 1e4, "cm2/s", "(slope / 0.4463 n F A C)^2 R T / n F"));
            if (p.B is double b) lines.Add(new($"{p.Peak} b-value", b, "-", $"log ip = log a + b log v, R2 {p.LogFit!.RSquared:F4}"));
        }
        foreach (var f in s.Fractions) lines.Add(new($"capacitive share at {f.ScanRate * 1e3:G4} mV/s", f.CapacitiveFraction * 100, "%", "sum |k1 v| / sum |i| (Dunn)"));
        return lines;
    }
}
