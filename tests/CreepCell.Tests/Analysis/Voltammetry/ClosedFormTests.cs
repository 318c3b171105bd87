using CreepCell.Analysis.Voltammetry;
using static CreepCell.Tests.Analysis.Voltammetry.SyntheticCv;

namespace CreepCell.Tests.Analysis.Voltammetry;

/// <summary>Peaks, Randles-Sevcik, b-values and Dunn's split against closed forms, read back from CHI-layout files.</summary>
public class ClosedFormTests
{
    const int N = 1;
    const double Area = 7.07e-6, Conc = 1.0, D = 1.0e-9, Gamma = 1e-6;
    static readonly double[] Rates = { 0.01, 0.025, 0.05, 0.1, 0.2 };
    static readonly Lazy<double[]> Shape = new(() => ReversibleShape(N));

    static CvResult ReadBack(string dir, string name, double[] current, double rate, BaselineMode mode = BaselineMode.Start)
    {
        var (e, _) = SyntheticCv.Path();
        string path = Write(dir, name, Chi(e, current, rate));
        return PeakAnalysis.Analyze(VoltammogramFile.Read(path), mode);
    }

    static double RandlesSevcik(double v) => 0.4463 * N * F * Area * Conc * Math.Sqrt(Fn(N) * v * D);

    [Fact]
    public void ReversibleWaveHasTheRandlesSevcikPeakAndNernstianPotentials()
    {
        var r = ReadBack(TempDir(), "rev.txt", Diffusive(Shape.Value, N, 0.1, Area, Conc, D), 0.1);
        var c = Assert.Single(r.Cycles);
        Assert.Equal("CH Instruments text", r.Data.Format);
        Assert.Equal(0.1, r.Data.ScanRate!.Value, 12);
        Assert.Equal(RandlesSevcik(0.1), c.Anodic!.PeakCurrent!.Value, RandlesSevcik(0.1) * 3e-3);
        // Ep - E1/2 = 1.109 RT/nF = 28.5 mV (Bard and Faulkner eq. 6.2.21).
        Assert.Equal(E0 + 1.109 / Fn(N), c.Anodic.PeakPotential!.Value, 5e-4);
        // Switching 300 mV past E1/2 gives dEp = 57.7 mV (Nicholson 1965; 57.0 mV for a far switch).
        Assert.InRange(c.Separation!.Value * 1e3, 57.0, 58.6);
        Assert.Equal(E0, c.HalfWave!.Value, 6e-4);
    }

    [Fact]
    public void NicholsonReversePeakOfAReversibleCoupleEqualsTheForwardPeak()
    {
        var (e, _) = SyntheticCv.Path();
        string path = Write(TempDir(), "nich.txt", Chi(e, Diffusive(Shape.Value, N, 0.1, Area, Conc, D), 0.1));
        var c = PeakAnalysis.Analyze(VoltammogramFile.Read(path), BaselineMode.Start, ReversePeakMode.Nicholson).Cycles[0];
        // A reversible couple with both forms equally mobile has ipa / ipc = 1 (Nicholson and Shain 1964);
        // Nicholson's relation is an empirical fit to the computed curves and gives it here within 2 %.
        Assert.Equal(1.0, c.CurrentRatio!.Value, 2e-2);
    }

    [Fact]
    public void ScanRateSeriesRecoversTheDiffusionCoefficientAndBOfOneHalf()
    {
        string dir = TempDir();
        var points = Rates.Select((v, k) =>
        {
            var r = ReadBack(dir, $"rs{k}.txt", Diffusive(Shape.Value, N, v, Area, Conc, D), v);
            return new RatePoint(r, v, r.Cycles[0]);
        }).ToList();
        var s = ScanRateSeries.Analyze(points, new RandlesSevcikInputs(Area, Conc, N, T), 0.005);
        Assert.Equal(D, s.Anodic.Diffusivity!.Value, D * 6e-3);
        Assert.Equal(0.5, s.Anodic.B!.Value, 3e-3);
        Assert.Equal(0, s.Anodic.SqrtFit!.Intercept, RandlesSevcik(0.01) * 5e-3);
    }

    [Fact]
    public void SurfaceConfinedCoupleHasBOfOneAndTheLayerCharge()
    {
        string dir = TempDir();
        var points = Rates.Select((v, k) =>
        {
            // No background in the closed form: measured from zero, the line through the foot of the wave would take 0.3 % off.
            var r = ReadBack(dir, $"ads{k}.txt", Adsorbed(N, v, Area, Gamma), v, BaselineMode.Zero);
            return new RatePoint(r, v, r.Cycles[0]);
        }).ToList();
        foreach (var p in points)
        {
            // Bard and Faulkner eq. 14.3.8-14.3.9: ip = n^2 F^2 v A Gamma / 4RT at E0, charge n F A Gamma.
            double ip = N * N * F * F * p.ScanRate * Area * Gamma / (4 * R * T);
            Assert.Equal(ip, p.Cycle.Anodic!.PeakCurrent!.Value, ip * 2e-3);
            Assert.Equal(-ip, p.Cycle.Cathodic!.PeakCurrent!.Value, ip * 2e-3);
            Assert.Equal(E0, p.Cycle.Anodic.PeakPotential!.Value, 3e-4);
            Assert.Equal(E0, p.Cycle.Cathodic.PeakPotential!.Value, 3e-4);
            Assert.Equal(N * F * Area * Gamma, p.Cycle.Anodic.Charge!.Value, N * F * Area * Gamma * 3e-3);
        }
        var s = ScanRateSeries.Analyze(points, new RandlesSevcikInputs(null, null, null, T), 0.005);
        Assert.Equal(1.0, s.Anodic.B!.Value, 2e-3);
        Assert.Equal(1.0, s.Cathodic.B!.Value, 2e-3);
        Assert.Null(s.Anodic.Diffusivity);
    }

    [Fact]
    public void DunnSplitRecoversCapacitiveAndDiffusiveTerms()
    {
        const double cdl = 2e-5; // F: i = C v on each sweep, with the sign of the sweep
        string dir = TempDir();
        var (_, sweep) = SyntheticCv.Path();
        var points = Rates.Select((v, k) =>
        {
            var dif = Diffusive(Shape.Value, N, v, Area, Conc, D);
            var r = ReadBack(dir, $"mix{k}.txt", dif.Select((x, j) => x + sweep[j] * cdl * v).ToArray(), v);
            return new RatePoint(r, v, r.Cycles[0]);
        }).ToList();
        var s = ScanRateSeries.Analyze(points, new RandlesSevcikInputs(null, null, null, T), 0.005);
        Assert.NotEmpty(s.Dunn);
        // Currents are written with four significant digits, as CHI does; k1 is good to that.
        foreach (var row in s.Dunn) Assert.Equal(row.Direction * cdl, row.K1, cdl * 2e-2);
        var atPeak = s.Dunn.Where(d => d.Direction > 0).MinBy(d => Math.Abs(d.Potential - (E0 + 1.109 / Fn(N))))!;
        Assert.Equal(RandlesSevcik(1), atPeak.K2, RandlesSevcik(1) * 1e-2);
        // The forward peak above the flat capacitive baseline is still the Randles-Sevcik peak.
        Assert.Equal(RandlesSevcik(0.05), points[2].Cycle.Anodic!.PeakCurrent!.Value, RandlesSevcik(0.05) * 3e-3);
        Assert.All(s.Fractions, f => Assert.InRange(f.CapacitiveFraction, 0, 1));
    }
}
