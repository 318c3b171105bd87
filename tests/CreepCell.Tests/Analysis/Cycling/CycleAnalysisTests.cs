using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>Closed-form checks of half-cycle splitting, efficiency conventions, retention, dQ/dV and rate blocks.</summary>
public class CycleAnalysisTests
{
    /// <summary>Cycles of a discharge then a charge at current i (A), each 1 h, V linear between 2 and 3 V; charge returns <paramref name="ce"/> of the discharge.</summary>
    static CyclerData Cycles(double[] currents, double ce = 0.98, int n = 40)
    {
        var pts = new List<(double, double, double)>();
        double t = 0;
        foreach (double i in currents)
        {
            for (int k = 0; k <= n; k++) pts.Add((t + 3600.0 * k / n, -i, 3 - (double)k / n));
            t += 3600 + 60;
            pts.Add((t - 30, 0, 2.5));
            for (int k = 0; k <= n; k++) pts.Add((t + 3600.0 * ce * k / n, i, 2 + (double)k / n));
            t += 3600 * ce + 60;
            pts.Add((t - 30, 0, 2.5));
        }
        return CyclingFixtures.Synthetic(pts);
    }

    [Fact]
    public void SplitsBySignAndReportsCapacityEfficiencyRetentionAndUtilization()
    {
        var data = Cycles(new[] { 1e-3, 1e-3, 1e-3 });
        var cell = new CellInfo(ActiveMassKg: 2e-6, AreaM2: 1e-4, TheoreticalCoulombsPerKg: 675 * 3600);
        var r = CycleAnalysis.Run(data, new CycleOptions(cell));
        Assert.Equal(3, r.Count);
        Assert.Equal(3.6, r[0].DischargeC, 1e-9);
        Assert.Equal(3.6 * 0.98, r[0].ChargeC, 1e-9);
        Assert.Equal(0.98, r[1].CoulombicEfficiency!.Value, 1e-12);
        Assert.Equal(1.0, r[2].Retention!.Value, 1e-12);
        Assert.Equal(500, r[0].DischargeCPerKg!.Value / 3600, 1e-9);
        Assert.Equal(1.0, r[0].DischargeCPerM2!.Value / 36000, 1e-12);
        Assert.Equal(500.0 / 675, r[0].Utilization!.Value, 1e-12);
        Assert.Equal(1.0 / 0.98, CycleAnalysis.Efficiency(0.98, 1, StepKind.Discharge, EfficiencyConvention.DischargeOverCharge)!.Value, 1e-12);
    }

    [Fact]
    public void RateBlocksFollowCurrentChangesAndGiveTheCRate()
    {
        var data = Cycles(new[] { 1e-3, 1e-3, 2e-3, 2e-3, 1e-3 });
        var r = CycleAnalysis.Run(data, new CycleOptions(new CellInfo()));
        var blocks = RateCapability.Blocks(r, nominalCoulombs: 3.6);
        Assert.Equal(3, blocks.Count);
        Assert.Equal((1, 2), (blocks[0].FirstCycle, blocks[0].LastCycle));
        Assert.Equal((3, 4), (blocks[1].FirstCycle, blocks[1].LastCycle));
        Assert.Equal(2.0, blocks[1].CRate!.Value, 1e-9);
        Assert.Equal(7.2, blocks[1].MeanDischargeC, 1e-9);
    }

    [Fact]
    public void DqDvOfALinearProfileIsFlatAndConservesCharge()
    {
        var data = Cycles(new[] { 1e-3 }, n: 400);
        var half = HalfCycles.Split(data)[0];
        var curve = DifferentialCapacity.Compute(half, 0.01, 1);
        // 3.6 C over 1 V: dQ/dV = 3.6 C/V in every bin.
        Assert.Equal(100, curve.Voltage.Length);
        foreach (double y in curve.DqDv.Skip(1).SkipLast(1)) Assert.Equal(3.6, y, 1e-6);
        Assert.Equal(3.6, curve.DqDv.Sum() * 0.01, 1e-9);
        var smooth = DifferentialCapacity.MovingAverage(curve.DqDv, 5);
        Assert.Equal(3.6, smooth[50], 1e-6);
    }
}
