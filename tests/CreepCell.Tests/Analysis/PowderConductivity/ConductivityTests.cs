using CreepCell.Analysis.PowderConductivity;

namespace CreepCell.Tests.Analysis.PowderConductivity;

/// <summary>Conductivity against hand computations, thickness from mass and density, log-log slope and the percolation fit.</summary>
public class ConductivityTests
{
    static string Write(string text)
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-cond-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string p = Path.Combine(dir, "powder.csv");
        File.WriteAllText(p, text);
        return p;
    }

    static List<PowderSummary> Run(string csv, double? diameter, RcfSource? rcf)
    {
        string p = Write(csv);
        return PowderConductivityAnalysis.Compute(p, ConductivityFile.Read(p), diameter, rcf);
    }

    [Fact]
    public void FourProbeResistanceGivesSigmaOfOneOverRTimesRcf()
    {
        // rho = R t RCF = 2.0e-3 ohm x 0.25 cm x 4.532 = 2.266e-3 ohm cm, sigma = 441.3 S/cm.
        var s = Run("powder,pressure [MPa],thickness [mm],resistance [mohm]\nMo6Se8,9.55,2.5,2.0\n", null, new RcfSource.Given(4.532));
        var p = Assert.Single(Assert.Single(s).Points);
        Assert.Equal(2.266e-3, p.Resistivity * 100, 1e-9);
        Assert.Equal(1 / 2.266e-3, p.Conductivity / 100, 1e-6);
        Assert.Equal(9.55e6, p.Pressure, 1e-6);
    }

    [Fact]
    public void SheetResistanceFromTheInstrumentIsTimesThicknessOnly()
    {
        // rho = Rs t = 0.05 ohm x 0.1 cm = 5e-3 ohm cm, sigma = 200 S/cm.
        var p = Run("pressure [MPa],thickness [um],sheet_resistance [ohm/sq]\n20,1000,0.05\n", null, null)[0].Points[0];
        Assert.Equal(200, p.Conductivity / 100, 1e-9);
        Assert.Null(p.Rcf);
    }

    [Fact]
    public void ThicknessFollowsFromMassDensityAndDiameter()
    {
        // t = m / (rho pi D^2/4) = 0.300 g / (4.0 g/cm3 x 0.785398 cm2) = 0.0954930 cm.
        var p = Run("load [kN],mass [mg],density [g/cm3],resistance [ohm],true_density [g/cm3]\n3,300,4.0,0.01,6.5\n", 0.010, new RcfSource.Given(4.532))[0].Points[0];
        Assert.Equal(0.954930, p.Thickness * 1e3, 1e-5);
        Assert.Equal(4.0 / 6.5, p.RelativeDensity!.Value, 1e-12);
        Assert.Equal(3000 / (Math.PI * 0.01 * 0.01 / 4), p.Pressure, 1e-3);
    }

    [Fact]
    public void LoadsOnTheTwentyMillimetreCellAreThePaperPressures()
    {
        // The paper's 9.55 to 57.30 MPa are 3 to 18 kN on a 20 mm powder cell.
        var s = Run("load [kN],thickness [mm],resistance [ohm]\n3,3.0,0.1\n18,2.5,0.05\n", 0.020, new RcfSource.Given(4.532))[0];
        Assert.Equal(9.55, s.Points[0].Pressure / 1e6, 5e-3);
        Assert.Equal(57.30, s.Points[1].Pressure / 1e6, 5e-3);
    }

    [Fact]
    public void ComputedCellFactorIsDiscTimesThickness()
    {
        var p = Run("pressure [MPa],thickness [mm],resistance [ohm]\n10,3.0,0.01\n", 0.020, new RcfSource.Computed(0.003))[0].Points[0];
        Assert.Equal(FourProbe.DiskFactor(20.0 / 3) * FourProbe.ThicknessFactor(1.0), p.Rcf!.Value, 1e-12);
        Assert.Equal(1 / (0.01 * 0.003 * p.Rcf.Value), p.Conductivity, 1e-6);
    }

    [Fact]
    public void LogLogSlopeOfAPowerLaw()
    {
        // sigma = 2 S/cm (P / 1 MPa)^0.8 with R = 1 / (sigma t RCF).
        var rows = new[] { 9.55, 19.10, 28.65, 38.20, 47.75, 57.30 }.Select(pm =>
        {
            double sigma = 200 * Math.Pow(pm, 0.8), t = 2e-3;
            return FormattableString.Invariant($"Se,{pm},{t * 1e3},{1 / (sigma * t * 4.532):R}");
        });
        var s = Run("powder,pressure [MPa],thickness [mm],resistance [ohm]\n" + string.Join("\n", rows), null, new RcfSource.Given(4.532))[0];
        Assert.Equal(0.8, s.LogLog!.Slope, 1e-9);
        Assert.Equal(2 * Math.Pow(57.30, 0.8), s.Points[^1].Conductivity / 100, 1e-9);
    }

    [Fact]
    public void PercolationFitRecoversThresholdAndExponent()
    {
        double[] phi = { 0.20, 0.25, 0.30, 0.40, 0.50, 0.60 };
        var sigma = phi.Select(f => 1e4 * Math.Pow(f - 0.16, 2.0)).ToList();
        var fit = Percolation.Fit(phi, sigma);
        Assert.Equal(0.16, fit.Threshold, 1e-6);
        Assert.Equal(2.0, fit.Exponent, 1e-5);
        Assert.Equal(1e4, fit.Sigma0, 1e-1);
    }

    [Fact]
    public void ThicknessGrowingWithPressureNamesTheLine()
    {
        string p = Write("powder,pressure [MPa],thickness [mm],resistance [ohm]\nSe,10,3.0,1\nSe,20,3.1,1\n");
        var e = Assert.Throws<InputException>(() => PowderConductivityAnalysis.Compute(p, ConductivityFile.Read(p), null, new RcfSource.Given(4.532)));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("grows with pressure", e.Message);
    }
}
