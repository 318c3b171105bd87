using ScottPlot;

namespace CreepCell.Analysis.Cycling;

/// <summary>PNG plots of a cycling analysis: capacity and efficiency vs cycle, voltage profiles, dQ/dV.</summary>
public static class CyclingPlots
{
    const int Width = 900, Height = 600;

    /// <summary>Charge and discharge capacity (mAh/g when a mass is known, else mAh) with Coulombic efficiency on the right axis.</summary>
    public static byte[] CapacityVsCycle(IReadOnlyList<CycleResult> cycles, bool specific)
    {
        var plt = new Plot();
        double[] x = cycles.Select(c => (double)c.Cycle).ToArray();
        double Cap(double? perKg, double c) => specific && perKg is double p ? p / CyclingReport.CPerKgPerMilliampHourPerGram : c / CyclingReport.CoulombsPerMilliampHour;
        var ch = plt.Add.Scatter(x, cycles.Select(c => Cap(c.ChargeCPerKg, c.ChargeC)).ToArray());
        ch.LegendText = "charge";
        var dc = plt.Add.Scatter(x, cycles.Select(c => Cap(c.DischargeCPerKg, c.DischargeC)).ToArray());
        dc.LegendText = "discharge";
        var withCe = cycles.Where(c => c.CoulombicEfficiency is not null).ToList();
        if (withCe.Count > 0)
        {
            var ce = plt.Add.Scatter(withCe.Select(c => (double)c.Cycle).ToArray(), withCe.Select(c => c.CoulombicEfficiency!.Value * 100).ToArray());
            ce.LegendText = "Coulombic efficiency";
            ce.Axes.YAxis = plt.Axes.Right;
            ce.LinePattern = LinePattern.Dashed;
            plt.Axes.Right.Label.Text = "Coulombic efficiency (%)";
        }
        plt.XLabel("cycle");
        plt.YLabel(specific ? "capacity (mAh/g)" : "capacity (mAh)");
        plt.ShowLegend();
        return Png(plt);
    }

    /// <summary>Voltage against capacity for the chosen cycles, each half cycle from zero.</summary>
    public static byte[] VoltageProfiles(IEnumerable<HalfCycle> halves, double? activeMassKg)
    {
        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var cycleColors = new Dictionary<int, Color>();
        var labelled = new HashSet<int>();
        foreach (var h in halves)
        {
            if (!cycleColors.TryGetValue(h.Cycle, out var color)) cycleColors[h.Cycle] = color = palette.GetColor(cycleColors.Count);
            double scale = activeMassKg is double m ? 1 / (m * CyclingReport.CPerKgPerMilliampHourPerGram) : 1 / CyclingReport.CoulombsPerMilliampHour;
            var q = h.CumulativeCharge().Select(v => v * scale).ToArray();
            var s = plt.Add.Scatter(q, h.Records.Select(r => r.Voltage).ToArray());
            s.Color = color;
            s.MarkerSize = 0;
            if (h.Direction == StepKind.Discharge && labelled.Add(h.Cycle)) s.LegendText = $"cycle {h.Cycle}";
            else s.LinePattern = LinePattern.Dashed;
        }
        plt.XLabel(activeMassKg is null ? "capacity (mAh)" : "capacity (mAh/g)");
        plt.YLabel("voltage (V)");
        plt.ShowLegend();
        return Png(plt);
    }

    public static byte[] DqDv(IEnumerable<DqDvCurve> curves)
    {
        var plt = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var cycleColors = new Dictionary<int, Color>();
        var labelled = new HashSet<int>();
        foreach (var c in curves)
        {
            if (!cycleColors.TryGetValue(c.Cycle, out var color)) cycleColors[c.Cycle] = color = palette.GetColor(cycleColors.Count);
            // Discharge drawn negative, the usual way to show both halves on one axis.
            double sign = c.Direction == StepKind.Discharge ? -1 : 1;
            var s = plt.Add.Scatter(c.Voltage, c.DqDv.Select(v => sign * v / CyclingReport.CoulombsPerMilliampHour).ToArray());
            s.Color = color;
            s.MarkerSize = 0;
            if (c.Direction == StepKind.Discharge && labelled.Add(c.Cycle)) s.LegendText = $"cycle {c.Cycle}";
        }
        plt.XLabel("voltage (V)");
        plt.YLabel("dQ/dV (mAh/V; discharge negative)");
        plt.ShowLegend();
        return Png(plt);
    }

    static byte[] Png(Plot plt) => plt.GetImage(Width, Height).GetImageBytes(ImageFormat.Png);
}
