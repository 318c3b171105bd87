using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>dQ/dV and dV/dQ peaks on a synthetic charge with two logistic plateaus of known position.</summary>
public class DifferentialVoltageTests
{
    const double I = 1e-3, Qb = 1.8, Qp = 3.6, W = 0.02, V1 = 3.6, V2 = 3.9;

    static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Q(V) = Qb (V - 3.4)/0.8 + Qp [s((V - 3.6)/w) + s((V - 3.9)/w)] in C, charged at 1 mA, sampled every 0.2 mV.</summary>
    static double ChargeAt(double v) => Qb * (v - 3.4) / 0.8 + Qp * (Sigmoid((v - V1) / W) + Sigmoid((v - V2) / W));

    static HalfCycle Charge()
    {
        double q0 = ChargeAt(3.4);
        var pts = Enumerable.Range(0, 4001).Select(k => 3.4 + 0.0002 * k).Select(v => ((ChargeAt(v) - q0) / I, I, v));
        return HalfCycles.Split(CyclingFixtures.Synthetic(pts)).Single();
    }

    [Fact]
    public void DqDvPeaksSitAtThePlateauVoltagesWithTheClosedFormHeight()
    {
        var fine = DifferentialCapacity.Compute(Charge(), 0.001, 1);
        var peaks = Peaks.Find(fine.Voltage, fine.DqDv);
        Assert.Equal(2, peaks.Count);
        Assert.Equal(V1, peaks[0].Position, 0.001);
        Assert.Equal(V2, peaks[1].Position, 0.001);
        // dQ/dV at a plateau centre: Qp/(4w) + Qb/0.8 (the other plateau adds < 1e-5 of it).
        double height = Qp / (4 * W) + Qb / 0.8;
        Assert.Equal(height, peaks[0].Height, height * 0.01);
        // The default binning and smoothing (5 mV, 5 bins) keep symmetric peaks where they are.
        var coarse = DifferentialCapacity.Compute(Charge(), 0.005, 5);
        Assert.Equal(new[] { V1, V2 }, Peaks.Find(coarse.Voltage, coarse.DqDv).Select(p => Math.Round(p.Position / 0.002) * 0.002), new ToleranceComparer(0.0021));
    }

    [Fact]
    public void DvDqPeakSitsAtTheChargeOfTheDqDvMinimumBetweenThePlateaus()
    {
        var half = Charge();
        var curve = DifferentialVoltage.Compute(half, 5);
        double width = half.Coulombs / DifferentialVoltage.Bins;
        var peak = Assert.Single(Peaks.Find(curve.Charge, curve.DvDq));
        // By symmetry dQ/dV is lowest midway, at 3.75 V; dV/dQ there is its inverse.
        double qMid = ChargeAt(3.75) - ChargeAt(3.4);
        Assert.Equal(qMid, peak.Position, width);
        double dqdv = Qb / 0.8 + 2 * Qp / (4 * W) * Math.Pow(1 / Math.Cosh(0.15 / (2 * W)), 2);
        Assert.Equal(3.75, curve.Voltage[peak.Index], 0.01);
        // Unsmoothed, the peak height is 1/(dQ/dV) at 3.75 V, and the curve integrates back to the voltage window.
        var raw = DifferentialVoltage.Compute(half, 1);
        Assert.Equal(1 / dqdv, Assert.Single(Peaks.Find(raw.Charge, raw.DvDq)).Height, 0.01 / dqdv);
        Assert.Equal(0.8, raw.DvDq.Sum() * width, 1e-6);
    }

    [Fact]
    public void PeaksCsvListsBothCurvesInTesterUnits()
    {
        var half = Charge();
        var csv = CyclingReport.PeaksCsv(new[] { DifferentialCapacity.Compute(half, 0.001, 1) }, new[] { DifferentialVoltage.Compute(half, 5) }, null)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, csv.Length);
        var first = csv[1].Split(',');
        Assert.Equal("dQ/dV", first[2]);
        Assert.Equal(V1, double.Parse(first[3], System.Globalization.CultureInfo.InvariantCulture), 0.001);
        Assert.Equal((Qp / (4 * W) + Qb / 0.8) / 3.6, double.Parse(first[6], System.Globalization.CultureInfo.InvariantCulture), 0.2);
        Assert.Equal("dV/dQ", csv[3].Split(',')[2]);
    }

    sealed class ToleranceComparer(double tol) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tol;
        public int GetHashCode(double x) => 0;
    }
}
