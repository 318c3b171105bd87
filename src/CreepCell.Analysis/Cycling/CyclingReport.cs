using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CreepCell.Analysis.Cycling;

/// <summary>
/// Writes cycling results in the units battery papers use (mAh, mWh, mAh/g, mAh/cm2, %, V, mA).
/// Quantities that cannot be formed are left empty in CSV and null in JSON, never NaN.
/// </summary>
public static class CyclingReport
{
    public const double CoulombsPerMilliampHour = 3.6;
    public const double JoulesPerMilliwattHour = 3.6;
    /// <summary>1 mAh/g = 3600 C/kg.</summary>
    public const double CPerKgPerMilliampHourPerGram = 3600;
    /// <summary>1 mAh/cm2 = 36000 C/m2.</summary>
    public const double CPerM2PerMilliampHourPerCm2 = 36000;

    static readonly string[] CycleColumns =
    {
        "cycle", "charge_mAh", "discharge_mAh", "coulombic_efficiency", "charge_energy_mWh", "discharge_energy_mWh",
        "charge_mAh_g", "discharge_mAh_g", "charge_mAh_cm2", "discharge_mAh_cm2", "retention_percent", "utilization_percent",
        "mean_charge_V", "mean_discharge_V", "charge_current_mA", "discharge_current_mA", "start_h", "end_h", "tester_cycle", "incomplete",
        "charge_cc_mAh", "charge_cv_mAh",
    };

    /// <summary>Values of one cycle in the order of <see cref="CycleColumns"/> (coulombic_efficiency in %).</summary>
    public static double?[] Row(CycleResult c) => new double?[]
    {
        c.Cycle, c.ChargeC / CoulombsPerMilliampHour, c.DischargeC / CoulombsPerMilliampHour, c.CoulombicEfficiency * 100,
        c.ChargeJ / JoulesPerMilliwattHour, c.DischargeJ / JoulesPerMilliwattHour,
        c.ChargeCPerKg / CPerKgPerMilliampHourPerGram, c.DischargeCPerKg / CPerKgPerMilliampHourPerGram,
        c.ChargeCPerM2 / CPerM2PerMilliampHourPerCm2, c.DischargeCPerM2 / CPerM2PerMilliampHourPerCm2,
        c.Retention * 100, c.Utilization * 100, c.MeanChargeVoltage, c.MeanDischargeVoltage,
        c.ChargeCurrent * 1e3, c.DischargeCurrent * 1e3, c.StartTime / 3600, c.EndTime / 3600, c.TesterCycle, c.Incomplete ? 1 : 0,
        c.ChargeCcC / CoulombsPerMilliampHour, c.ChargeCvC / CoulombsPerMilliampHour,
    };

    public static string CyclesCsv(IReadOnlyList<CycleResult> cycles) =>
        Csv(CycleColumns, cycles.Select(Row));

    public static string DqDvCsv(IEnumerable<DqDvCurve> curves, double? activeMassKg)
    {
        var rows = new List<double?[]>();
        foreach (var c in curves)
            for (int i = 0; i < c.Voltage.Length; i++)
                rows.Add(new double?[] { c.Cycle, c.Direction == StepKind.Charge ? 1 : -1, c.Voltage[i], c.DqDv[i] / CoulombsPerMilliampHour,
                    activeMassKg is double m ? c.DqDv[i] / m / CPerKgPerMilliampHourPerGram : null });
        return Csv(new[] { "cycle", "direction", "voltage_V", "dqdv_mAh_V", "dqdv_mAh_g_V" }, rows, directionColumn: 1);
    }

    public static string DvDqCsv(IEnumerable<DvDqCurve> curves, double? activeMassKg)
    {
        var rows = new List<double?[]>();
        foreach (var c in curves)
            for (int i = 0; i < c.Charge.Length; i++)
                rows.Add(new double?[] { c.Cycle, c.Direction == StepKind.Charge ? 1 : -1, c.Charge[i] / CoulombsPerMilliampHour,
                    activeMassKg is double m ? c.Charge[i] / m / CPerKgPerMilliampHourPerGram : null, c.Voltage[i],
                    c.DvDq[i] * CoulombsPerMilliampHour, activeMassKg is double mm ? c.DvDq[i] * mm * CPerKgPerMilliampHourPerGram : null });
        return Csv(new[] { "cycle", "direction", "capacity_mAh", "capacity_mAh_g", "voltage_V", "dvdq_V_mAh", "dvdq_V_g_mAh" }, rows, directionColumn: 1);
    }

    /// <summary>Peaks of dQ/dV (position in V, height in mAh/V) and of dV/dQ (position in mAh and mAh/g, height in V/mAh).</summary>
    public static string PeaksCsv(IEnumerable<DqDvCurve> dqdv, IEnumerable<DvDqCurve> dvdq, double? activeMassKg)
    {
        var sb = new StringBuilder();
        sb.AppendLine("cycle,direction,curve,voltage_V,capacity_mAh,capacity_mAh_g,height,height_unit,prominence");
        string Dir(StepKind d) => d == StepKind.Charge ? "charge" : "discharge";
        foreach (var c in dqdv)
            foreach (var p in Peaks.Find(c.Voltage, c.DqDv))
                sb.AppendLine(string.Join(',', Format(c.Cycle), Dir(c.Direction), "dQ/dV", Format(p.Position), "", "",
                    Format(p.Height / CoulombsPerMilliampHour), "mAh/V", Format(p.Prominence / CoulombsPerMilliampHour)));
        foreach (var c in dvdq)
            foreach (var p in Peaks.Find(c.Charge, c.DvDq))
                sb.AppendLine(string.Join(',', Format(c.Cycle), Dir(c.Direction), "dV/dQ", Format(c.Voltage[p.Index]), Format(p.Position / CoulombsPerMilliampHour),
                    Format(activeMassKg is double m ? p.Position / m / CPerKgPerMilliampHourPerGram : null),
                    Format(p.Height * CoulombsPerMilliampHour), "V/mAh", Format(p.Prominence * CoulombsPerMilliampHour)));
        return sb.ToString();
    }

    /// <summary>The step table; tester_step is empty when the export has no step index.</summary>
    public static string StepsCsv(IEnumerable<StepResult> steps, double? activeMassKg)
    {
        var sb = new StringBuilder();
        sb.AppendLine("step,tester_step,tester_cycle,kind,start_s,end_s,duration_s,start_V,end_V,capacity_mAh,capacity_mAh_g,mean_current_mA");
        foreach (var s in steps)
        {
            string kind = s.Mode switch { StepMode.CcCharge => "CC charge", StepMode.CcDischarge => "CC discharge", StepMode.Cv => "CV", _ => "rest" };
            var v = new double?[] { s.Number, s.TesterStep > 0 ? s.TesterStep : null, s.TesterCycle };
            var w = new double?[] { s.StartTime, s.EndTime, s.Duration, s.StartVoltage, s.EndVoltage, s.Coulombs / CoulombsPerMilliampHour,
                activeMassKg is double m ? s.Coulombs / m / CPerKgPerMilliampHourPerGram : null, s.MeanCurrent * 1e3 };
            sb.AppendLine(string.Join(',', v.Select(Format).Append(kind).Concat(w.Select(Format))));
        }
        return sb.ToString();
    }

    public static string RateCsv(IEnumerable<RateBlock> blocks) => Csv(
        new[] { "block", "first_cycle", "last_cycle", "current_mA", "c_rate", "mean_charge_mAh", "mean_discharge_mAh", "mean_coulombic_efficiency" },
        blocks.Select((b, i) => new double?[] { i + 1, b.FirstCycle, b.LastCycle, b.Current * 1e3, b.CRate, b.MeanChargeC / CoulombsPerMilliampHour, b.MeanDischargeC / CoulombsPerMilliampHour, b.MeanEfficiency * 100 }));

    public static string GittCsv(IEnumerable<GittPulse> pulses) => Csv(
        new[] { "pulse", "cycle", "direction", "start_s", "tau_s", "current_mA", "E_before_V", "E_after_V", "ir_drop_V", "delta_Es_V", "delta_Et_V", "D_m2_s", "D_cm2_s", "sqrt_t_r2", "tau_D_over_L2", "rest_drift_V", "valid" },
        pulses.Select(p => new double?[] { p.Index, p.Cycle, p.Direction == StepKind.Charge ? 1 : -1, p.StartTime, p.Tau, p.Current * 1e3, p.VoltageBefore, p.VoltageAfter, p.IrDrop, p.DeltaEs, p.DeltaEt,
            p.IsValid ? p.Diffusivity : null, p.IsValid ? p.Diffusivity * 1e4 : null, p.LinearityR2, p.TauOverDiffusionTime, p.RestDrift, p.IsValid ? 1 : 0 }),
        directionColumn: 2);

    static string Csv(string[] header, IEnumerable<double?[]> rows, int directionColumn = -1)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', header));
        foreach (var r in rows)
            sb.AppendLine(string.Join(',', r.Select((v, i) => i == directionColumn ? (v > 0 ? "charge" : "discharge") : Format(v))));
        return sb.ToString();
    }

    /// <summary>Invariant, round-trippable text for a finite value; empty for null or non-finite.</summary>
    public static string Format(double? v) =>
        v is double d && double.IsFinite(d) ? d.ToString("G10", CultureInfo.InvariantCulture) : "";

    /// <summary>JSON with the source, format, per-cycle rows and, when present, rate blocks and GITT pulses.</summary>
    public static string Json(CyclerData data, IReadOnlyList<CycleResult> cycles, IReadOnlyList<RateBlock> rate, IReadOnlyList<GittPulse>? gitt, string efficiencyConvention, CycleOptions options,
        IReadOnlyList<string>? warnings = null)
    {
        static JsonNode? N(double? v) => v is double d && double.IsFinite(d) ? JsonValue.Create(double.Parse(Format(d), CultureInfo.InvariantCulture)) : null;
        var cell = options.Cell;
        var root = new JsonObject
        {
            ["source"] = data.Source,
            ["format"] = data.Format,
            ["records"] = data.Records.Count,
            ["coulombic_efficiency_convention"] = efficiencyConvention,
            ["coulombic_efficiency_unit"] = "%",
            ["active_mass_mg"] = N(cell.ActiveMassKg * 1e6),
            ["area_cm2"] = N(cell.AreaM2 * 1e4),
            ["theoretical_mAh_g"] = N(cell.TheoreticalCoulombsPerKg / CPerKgPerMilliampHourPerGram),
            ["reference_cycle"] = options.ReferenceCycle,
            ["retention_of"] = options.RetentionOf == StepKind.Charge ? "charge" : "discharge",
            ["cycles"] = Rows(CycleColumns, cycles.Select(Row)),
            ["warnings"] = new JsonArray((warnings ?? Array.Empty<string>()).Select(w => (JsonNode?)JsonValue.Create(w)).ToArray()),
        };
        if (rate.Count > 1) root["rate_capability"] = JsonNode.Parse(ToJsonArray(RateCsv(rate)));
        if (gitt is not null) root["gitt"] = JsonNode.Parse(ToJsonArray(GittCsv(gitt)));
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    static JsonArray Rows(string[] header, IEnumerable<double?[]> rows)
    {
        var arr = new JsonArray();
        foreach (var r in rows)
        {
            var o = new JsonObject();
            for (int i = 0; i < header.Length; i++) o[header[i]] = r[i] is double d && double.IsFinite(d) ? JsonValue.Create(double.Parse(Format(d), CultureInfo.InvariantCulture)) : null;
            arr.Add(o);
        }
        return arr;
    }

    static string ToJsonArray(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var arr = new JsonArray();
        foreach (var l in lines.Skip(1))
        {
            var o = new JsonObject();
            for (int i = 0; i < lines[0].Length; i++)
                o[lines[0][i]] = l[i].Length == 0 ? null
                    : double.TryParse(l[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? JsonValue.Create(d) : JsonValue.Create(l[i]);
            arr.Add(o);
        }
        return arr.ToJsonString();
    }
}
