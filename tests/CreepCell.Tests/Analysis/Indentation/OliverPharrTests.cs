using CreepCell.Analysis.Indentation;

namespace CreepCell.Tests.Analysis.Indentation;

public class OliverPharrTests
{
    static readonly IndentOptions Options = new();

    [Fact]
    public void ReducedModulusAndSampleModulusInvertEachOther()
    {
        double er = ContactMechanics.ReducedFromSample(70e9, 0.25, 1141e9, 0.07);
        Assert.Equal(70e9, ContactMechanics.SampleModulus(er, 0.25, 1141e9, 0.07), 1e-3);
        // Eq. 2 with A = 1 um^2, S = 1e5 N/m, beta = 1.034: Er = sqrt(pi)/(2 1.034) 1e5 / 1e-6.
        Assert.Equal(Math.Sqrt(Math.PI) / 2.068 * 1e11, ContactMechanics.ReducedModulus(1e5, 1e-12, 1.034), 1e-3);
    }

    [Fact]
    public void AreaFunctionConvertsNanometreCoefficients()
    {
        var a = AreaFunction.FromNanometre(new[] { 24.5, 100.0, 50.0 });
        double hc = 500e-9, nm = 500;
        Assert.Equal((24.5 * nm * nm + 100 * nm + 50 * Math.Sqrt(nm)) * 1e-18, a.Area(hc), 1e-24);
        Assert.Equal(100.0, a.ToNanometre()[1], 9);
    }

    [Fact]
    public void PowerLawFitRecoversExponentAndFinalDepth()
    {
        var h = Enumerable.Range(0, 40).Select(i => 800e-9 + i * 5e-9).ToArray();
        var p = h.Select(x => 2e-3 * Math.Pow((x - 600e-9) / 400e-9, 1.37)).ToArray();
        var fit = UnloadFit.Fit(h, p);
        Assert.Equal(1.37, fit.M, 4);
        Assert.Equal(600e-9, fit.Hf, 11);
        Assert.Equal(1.37 * 2e-3 / 400e-9 * Math.Pow(395.0 / 400, 0.37), fit.Slope(995e-9), 0.1);
    }

    [Theory]
    [InlineData(70e9, 9e9, 1.5)]
    [InlineData(10e9, 0.5e9, 1.2)]
    [InlineData(400e9, 6e9, 1.9)]
    public void EveryCycleOfASyntheticTestGivesItsModulusAndHardness(double e, double h, double m)
    {
        var test = SyntheticCurves.MultiCycle(e, h, m, new[] { 200e-9, 500e-9, 1000e-9 });
        var (results, failures) = OliverPharr.Analyze(test, Options);
        Assert.Empty(failures);
        Assert.Equal(3, results.Count);
        foreach (var r in results)
        {
            Assert.Equal(e, r.Modulus, e * 1e-4);
            Assert.Equal(h, r.Hardness, h * 1e-4);
            Assert.Equal(m, r.Fit.M, 3);
        }
        Assert.Equal(1000e-9, results[2].ContactDepth, 1e-12);
    }

    [Fact]
    public void FrameComplianceAndDriftAreRemoved()
    {
        const double cf = 0.5e-9 / 1e-3, drift = 0.05e-9;
        var test = SyntheticCurves.MultiCycle(200e9, 8e9, 1.4, new[] { 300e-9, 800e-9 }, drift, cf);
        var raw = OliverPharr.Analyze(test, Options with { DriftCorrection = false }).Results;
        Assert.True(Math.Abs(raw[1].Modulus / 200e9 - 1) > 0.05, "uncorrected compliance must show");
        Assert.Equal(drift, Drift.Rate(test)!.Value, 1e-15);
        var (results, failures) = OliverPharr.Analyze(test, Options with { FrameCompliance = cf });
        Assert.Empty(failures);
        Assert.All(results, r => Assert.Equal(200e9, r.Modulus, 200e9 * 1e-3));
        Assert.All(results, r => Assert.Equal(8e9, r.Hardness, 8e9 * 1e-3));
    }

    [Fact]
    public void FrameCalibrationRecoversTheComplianceAddedToTheDepth()
    {
        const double cf = 0.8e-9 / 1e-3;
        var tests = new[] { 0.9, 1.0, 1.1 }.Select(k => SyntheticCurves.MultiCycle(150e9, 5e9, 1.5, new[] { 400e-9 * k, 900e-9 * k, 1500e-9 * k }, 0, cf));
        var raw = tests.SelectMany(t => OliverPharr.Analyze(t, Options).Results).ToList();
        var frame = FrameCalibration.Estimate(raw, Options, out string? why);
        Assert.True(frame != null, why);
        // The compliance bends the measured unload away from a pure power law, so the fitted slope is close, not exact.
        Assert.Equal(cf, frame!.Compliance, cf * 0.01);
        Assert.Equal(SyntheticCurves.Er(150e9), frame.ReducedModulus, 150e9 * 0.01);
    }

    [Fact]
    public void ATestWithoutUnloadIsReportedNotDropped()
    {
        var t = Enumerable.Range(0, 50).Select(i => i * 0.1).ToArray();
        var test = new IndentTest("ramp", t, t.Select(x => 1e-3 * x).ToArray(), t.Select(x => 1e-7 * x).ToArray(), null, null, null, Array.Empty<SegmentMarker>());
        var (results, failures) = OliverPharr.Analyze(test, Options);
        Assert.Empty(results);
        Assert.Contains("no unload", Assert.Single(failures).Reason);
    }
}
