using ScottPlot;

namespace CreepCell.Analysis.Cycling;

/// <summary>PNG plots of a cycling analysis: capacity and efficiency vs cycle, voltage profiles, dQ/dV.</summary>
internal static class CyclingPlots
{
    const int Width = 900, Height = 600;
    /// <summary>Coulombic efficiencies above this (%) are drawn off scale, so a first cycle of 1461 % does not flatten the rest.</summary>
    public const double EfficiencyAxisTop = 120;

    public static byte[] CapacityVsCycle(IReadOnlyList<CycleResult> cycles, bool specific) => Png(CapacityPlot(cycles, specific));

    /// <summary>
    /// Charge and discharge capacity (mAh/g when a mass is known, else mAh) with Coulombic efficiency on the
    /// right axis; whole-number cycle ticks; an incomplete last cycle as open markers apart from the series.
    /// </summary>
    public static Plot CapacityPlot(IReadOnlyList<CycleResult> cycles, bool specific)
    {
        var plt = new Plot();
        var full = cycles.Where(c => !c.Incomplete).ToList();
        double Cap(double? perKg, double c) => specific && perKg is double p ? p / CyclingReport.CPerKgPerMilliampHourPerGram : c / CyclingReport.CoulombsPerMilliampHour;
        double[] x = full.Select(c => (double)c.Cycle).ToArray();
        var ch = plt.Add.Scatter(x, full.Select(c => Cap(c.ChargeCPerKg, c.ChargeC)).ToArray());
        ch.LegendText = "charge";
        var dc = plt.Add.Scatter(x, full.Select(c => Cap(c.DischargeCPerKg, c.DischargeC)).ToArray());
        dc.LegendText = "discharge";
        foreach (var c in cycles.Where(c => c.Incomplete))
        {
            var open = plt.Add.ScatterPoints(new double[] { c.Cycle, c.Cycle }, new[] { Cap(c.ChargeCPerKg, c.ChargeC), Cap(c.DischargeCPerKg, c.DischargeC) });
            open.MarkerShape = MarkerShape.OpenCircle;
            open.MarkerSize = 9;
            open.Color = Colors.Gray;
            open.LegendText = $"cycle {c.Cycle}: incomplete (export ends)";
        }
        AddEfficiency(plt, full);
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plt.XLabel("cycle");
        plt.YLabel(specific ? "capacity (mAh/g)" : "capacity (mAh)");
        plt.ShowLegend();
        return plt;
    }

    static void AddEfficiency(Plot plt, List<CycleResult> cycles)
    {
        var withCe = cycles.Where(c => c.CoulombicEfficiency is not null).ToList();
        if (withCe.Count == 0) return;
        var onScale = withCe.Where(c => c.CoulombicEfficiency!.Value * 100 <= EfficiencyAxisTop).ToList();
        var off = withCe.Except(onScale).ToList();
        var ce = plt.Add.Scatter(onScale.Select(c => (double)c.Cycle).ToArray(), onScale.Select(c => c.CoulombicEfficiency!.Value * 100).ToArray());
        ce.LegendText = "Coulombic efficiency" + (off.Count == 0 ? "" : " (off scale: " + string.Join(", ", off.Select(c => $"cycle {c.Cycle} {c.CoulombicEfficiency!.Value * 100:F0} %")) + ")");
        ce.Axes.YAxis = plt.Axes.Right;
        ce.LinePattern = LinePattern.Dashed;
        if (off.Count > 0)
        {
            double low = onScale.Count > 0 ? onScale.Min(c => c.CoulombicEfficiency!.Value * 100) : 0;
            plt.Axes.SetLimitsY(Math.Max(0, Math.Min(low, 100) - 5), EfficiencyAxisTop, plt.Axes.Right);
        }
        plt.Axes.Right.Label.Text = "Coulombic efficiency (%)";
    }

    /// <summary>Voltage against capacity for the chosen cycles, each half cycle from zero; discharge solid, charge dashed.</summary>
    public static byte[] VoltageProfiles(IEnumerable<HalfCycle> halves, double? activeMassKg)
    {
        var plt = new Plot();
        var colors = CycleColors(halves.Select(h => h.Cycle));
        foreach (var h in halves)
        {
            double scale = activeMassKg is double m ? 1 / (m * CyclingReport.CPerKgPerMilliampHourPerGram) : 1 / CyclingReport.CoulombsPerMilliampHour;
            var q = h.CumulativeCharge().Select(v => v * scale).ToArray();
            var s = plt.Add.Scatter(q, h.Records.Select(r => r.Voltage).ToArray());
            s.Color = colors[h.Cycle];
            s.MarkerSize = 0;
            if (h.Direction == StepKind.Charge) s.LinePattern = LinePattern.Dashed;
        }
        plt.Legend.ManualItems.Add(new LegendItem { LabelText = "discharge: solid", LineColor = Colors.Black, LinePattern = LinePattern.Solid, LineWidth = 2 });
        plt.Legend.ManualItems.Add(new LegendItem { LabelText = "charge: dashed", LineColor = Colors.Black, LinePattern = LinePattern.Dashed, LineWidth = 2 });
        foreach (var (cycle, color) in colors)
            plt.Legend.ManualItems.Add(new LegendItem { LabelText = $"cycle {cycle}", LineColor = color, LineWidth = 2 });
        plt.XLabel(activeMassKg is null ? "capacity (mAh)" : "capacity (mAh/g)");
        plt.YLabel("voltage (V)");
        plt.ShowLegend();
        return Png(plt);
    }

    public static byte[] DqDv(IEnumerable<DqDvCurve> curves, double? activeMassKg) => Png(DqDvPlot(curves, activeMassKg));

    /// <summary>dQ/dV per cycle (discharge drawn negative), in mAh/(g V) when the active mass is known, else mAh/V.</summary>
    public static Plot DqDvPlot(IEnumerable<DqDvCurve> curves, double? activeMassKg)
    {
        var plt = new Plot();
        var list = curves.ToList();
        var colors = CycleColors(list.Select(c => c.Cycle));
        var labelled = new HashSet<int>();
        double scale = activeMassKg is double m ? 1 / (m * CyclingReport.CPerKgPerMilliampHourPerGram) : 1 / CyclingReport.CoulombsPerMilliampHour;
        foreach (var c in list)
        {
            // Discharge drawn negative, the usual way to show both halves on one axis.
            double sign = c.Direction == StepKind.Discharge ? -1 : 1;
            var s = plt.Add.Scatter(c.Voltage, c.DqDv.Select(v => sign * v * scale).ToArray());
            s.Color = colors[c.Cycle];
            s.MarkerSize = 0;
            if (labelled.Add(c.Cycle)) s.LegendText = $"cycle {c.Cycle}";
        }
        plt.XLabel("voltage (V)");
        plt.YLabel(activeMassKg is null ? "dQ/dV (mAh/V; discharge negative)" : "dQ/dV (mAh/(g V); discharge negative)");
        plt.ShowLegend();
        return plt;
    }

    public static byte[] DvDq(IEnumerable<DvDqCurve> curves, double? activeMassKg) => Png(DvDqPlot(curves, activeMassKg));

    /// <summary>dV/dQ against capacity per cycle (charge dashed), in V g/mAh against mAh/g when the active mass is known.</summary>
    public static Plot DvDqPlot(IEnumerable<DvDqCurve> curves, double? activeMassKg)
    {
        var plt = new Plot();
        var list = curves.ToList();
        var colors = CycleColors(list.Select(c => c.Cycle));
        var labelled = new HashSet<int>();
        double xs = activeMassKg is double m ? 1 / (m * CyclingReport.CPerKgPerMilliampHourPerGram) : 1 / CyclingReport.CoulombsPerMilliampHour;
        double ys = activeMassKg is double mm ? mm * CyclingReport.CPerKgPerMilliampHourPerGram : CyclingReport.CoulombsPerMilliampHour;
        foreach (var c in list)
        {
            var s = plt.Add.Scatter(c.Charge.Select(q => q * xs).ToArray(), c.DvDq.Select(v => v * ys).ToArray());
            s.Color = colors[c.Cycle];
            s.MarkerSize = 0;
            if (c.Direction == StepKind.Charge) s.LinePattern = LinePattern.Dashed;
            if (labelled.Add(c.Cycle)) s.LegendText = $"cycle {c.Cycle}";
        }
        plt.XLabel(activeMassKg is null ? "capacity in the half cycle (mAh)" : "capacity in the half cycle (mAh/g)");
        plt.YLabel(activeMassKg is null ? "|dV/dQ| (V/mAh; charge dashed)" : "|dV/dQ| (V g/mAh; charge dashed)");
        plt.ShowLegend();
        return plt;
    }

    /// <summary>One colour per cycle: Category10 up to ten cycles, else evenly spread over a colormap so none repeats.</summary>
    static Dictionary<int, Color> CycleColors(IEnumerable<int> cycles)
    {
        var distinct = cycles.Distinct().ToList();
        var palette = new ScottPlot.Palettes.Category10();
        var map = new ScottPlot.Colormaps.Turbo();
        return distinct.Select((c, i) => (c, distinct.Count <= 10 ? palette.GetColor(i) : map.GetColor(0.05 + 0.9 * i / (distinct.Count - 1))))
            .ToDictionary(t => t.c, t => t.Item2);
    }

    static byte[] Png(Plot plt) => plt.GetImage(Width, Height).GetImageBytes(ImageFormat.Png);
}
