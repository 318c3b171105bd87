using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScottPlot;

namespace CreepCell.Analysis.Energy;

/// <summary>Energy and pellet results as calculation tables (CSV, JSON) and a pellet plot.</summary>
public static class EnergyReport
{
    static string G(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>JSON written readably (no \u escapes for '+' or non-ASCII names), numbers to 12 significant digits.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Drops binary round-off noise (4.809999999999999 to 4.81) from a finite value.</summary>
    internal static double R(double v) => double.Parse(v.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The component block of the Table S7-style calculation, one line per component and field.</summary>
    public static List<CalcLine> Lines(EnergyResult r)
    {
        var lines = new List<CalcLine>();
        foreach (var c in r.Rows)
        {
            lines.Add(new($"{c.Name} mass fraction", c.MassFraction * 100, "wt.%", "given"));
            lines.Add(new($"{c.Name} true density", c.Density / 1000, "g/cm3", c.DensitySource));
            lines.Add(new($"{c.Name} volume fraction of solid", c.SolidVolumeFraction * 100, "vol.%", "(w_i/rho_i) rho_s"));
            lines.Add(new($"{c.Name} volume fraction of electrode", c.ElectrodeVolumeFraction * 100, "vol.%", "(w_i/rho_i) rho_e"));
            if (c.Active)
            {
                lines.Add(new($"{c.Name} specific capacity", c.Capacity / 3600, "mAh/g", "per gram of component"));
                lines.Add(new($"{c.Name} capacity contribution", c.CapacityContribution / 3600, "mAh/g", "w_i q_i, per gram of cathode"));
            }
        }
        lines.Add(new("true (pore-free) density rho_s", r.TrueDensity / 1000, "g/cm3", "1 / sum(w_i/rho_i)"));
        lines.Add(new("porosity", r.Porosity * 100, "vol.%", "1 - rho_e/rho_s"));
        lines.Add(new("electrode density rho_e", r.ElectrodeDensity / 1000, "g/cm3", "rho_s (1 - porosity)"));
        lines.Add(new("cathode specific capacity q", r.SpecificCapacity / 3600, "mAh/g", r.CapacityMeasured ? "measured, per gram of cathode" : "sum(w_i q_i) over active components"));
        lines.Add(new("cathode volumetric capacity", r.VolumetricCapacity / 3600 / 1000, "mAh/cm3", "q rho_e"));
        lines.Add(new($"mean voltage vs {r.Reference.Name}", r.MeanVoltage, "V", "given"));
        lines.Add(new("mean voltage vs Li/Li+", r.MeanVoltageVsLi, "V", $"V + {G(r.Reference.VoltsVsLi)} V ({r.Reference.Name} vs Li/Li+)"));
        lines.Add(new("gravimetric energy density vs Li/Li+", r.GravimetricVsLi / 3600, "Wh/kg", "q x V(vs Li)"));
        lines.Add(new("volumetric energy density vs Li/Li+", r.VolumetricVsLi / 3.6e6, "Wh/L", "q x V(vs Li) x rho_e"));
        if (r.Reference.VoltsVsLi != 0)
        {
            lines.Add(new($"gravimetric energy density vs {r.Reference.Name}", r.GravimetricVsReference / 3600, "Wh/kg", $"q x V(vs {r.Reference.Name})"));
            lines.Add(new($"volumetric energy density vs {r.Reference.Name}", r.VolumetricVsReference / 3.6e6, "Wh/L", $"q x V(vs {r.Reference.Name}) x rho_e"));
        }
        return lines;
    }

    public static string Csv(IEnumerable<CalcLine> lines)
    {
        var sb = new StringBuilder("quantity,value,unit,how\n");
        foreach (var l in lines) sb.Append($"{Quote(l.Quantity)},{G(l.Value)},{Quote(l.Unit)},{Quote(l.How)}\n");
        return sb.ToString();
    }

    public static string Json(string name, IEnumerable<CalcLine> lines)
    {
        var arr = new JsonArray();
        foreach (var l in lines) arr.Add(new JsonObject { ["quantity"] = l.Quantity, ["value"] = R(l.Value), ["unit"] = l.Unit, ["how"] = l.How });
        return new JsonObject { ["composition"] = name, ["lines"] = arr }.ToJsonString(JsonOptions);
    }

    static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static string PelletCsv(IEnumerable<PelletState> states)
    {
        var sb = new StringBuilder("pressure_MPa,thickness_mm,density_g_cm3,relative_density_percent,porosity_percent\n");
        foreach (var s in states)
            sb.Append($"{G(s.Pressure / 1e6)},{G(s.Thickness * 1e3)},{G(s.Density / 1000)},{G(s.RelativeDensity * 100)},{G(s.Porosity * 100)}\n");
        return sb.ToString();
    }

    public static string PelletJson(Composition comp, double mass, double diameter, IEnumerable<PelletState> states)
    {
        var arr = new JsonArray();
        foreach (var s in states)
            arr.Add(new JsonObject { ["pressure_MPa"] = R(s.Pressure / 1e6), ["thickness_mm"] = R(s.Thickness * 1e3), ["density_g_cm3"] = R(s.Density / 1000), ["relative_density_percent"] = R(s.RelativeDensity * 100), ["porosity_percent"] = R(s.Porosity * 100) });
        var comps = new JsonArray();
        foreach (var c in comp.Components)
            comps.Add(new JsonObject { ["name"] = c.Name, ["wt_percent"] = R(c.MassFraction * 100), ["density_g_cm3"] = R(c.Density / 1000), ["density_source"] = c.DensitySource });
        return new JsonObject
        {
            ["composition"] = comp.Name, ["components"] = comps, ["true_density_g_cm3"] = R(comp.TrueDensity / 1000),
            ["mass_mg"] = R(mass * 1e6), ["diameter_mm"] = R(diameter * 1e3), ["pressings"] = arr,
        }.ToJsonString(JsonOptions);
    }

    /// <summary>Density (left axis) and porosity (right axis) against pressing pressure.</summary>
    public static byte[] PelletPlot(IReadOnlyList<PelletState> states, string title)
    {
        var plt = new Plot();
        double[] p = states.Select(s => s.Pressure / 1e6).ToArray();
        var d = plt.Add.Scatter(p, states.Select(s => s.Density / 1000).ToArray());
        d.LegendText = "density";
        var f = plt.Add.Scatter(p, states.Select(s => s.Porosity * 100).ToArray());
        f.LegendText = "porosity";
        f.Axes.YAxis = plt.Axes.Right;
        f.LinePattern = LinePattern.Dashed;
        plt.Axes.Right.Label.Text = "porosity (vol.%)";
        plt.XLabel("pressing pressure (MPa)");
        plt.YLabel("pellet density (g/cm3)");
        plt.Title(title);
        plt.Legend.Alignment = Alignment.UpperCenter;
        plt.ShowLegend();
        return plt.GetImage(800, 560).GetImageBytes(ImageFormat.Png);
    }
}
