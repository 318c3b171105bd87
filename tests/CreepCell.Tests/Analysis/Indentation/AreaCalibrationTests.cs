using CreepCell.Analysis.Indentation;

namespace CreepCell.Tests.Analysis.Indentation;

/// <summary>Tip area calibration: indents made from a known area function give its coefficients back.</summary>
public class AreaCalibrationTests
{
    static readonly double[] Depths = { 60e-9, 90e-9, 130e-9, 180e-9, 250e-9, 350e-9, 500e-9, 700e-9, 950e-9, 1300e-9 };
    const double E = 72e9, H = 9e9;

    static IndentOptions Options => new() { Beta = SyntheticCurves.Beta, SamplePoisson = SyntheticCurves.V };

    static List<UnloadResult> Unloads(AreaFunction tip) =>
        OliverPharr.Analyze(SyntheticCurves.MultiCycle(E, H, 1.5, Depths, tip: tip), Options).Results;

    [Theory]
    [InlineData(new[] { 24.5, 400.0, 2000.0 })]
    [InlineData(new[] { 24.5, 150.0, 5000.0, -3000.0 })]
    [InlineData(new[] { 22.0, 900.0 })]
    public void IndentsFromAKnownAreaFunctionReproduceItsCoefficients(double[] nm)
    {
        var tip = AreaFunction.FromNanometre(nm);
        var unloads = Unloads(tip);
        Assert.Equal(Depths.Length, unloads.Count);
        var cal = AreaCalibration.Fit(unloads, E, Options, nm.Length, out string? why);
        Assert.True(cal is not null, why);
        var got = cal!.Area.ToNanometre();
        for (int k = 0; k < nm.Length; k++) Assert.Equal(nm[k], got[k], Math.Abs(nm[k]) * 1e-4 + 1e-6);
        Assert.All(cal.Points, p => Assert.False(p.Rejected));
        Assert.True(cal.RmsRelativeError < 1e-6);
    }

    [Fact]
    public void ABrokenUnloadIsRejectedAndTheCoefficientsStillComeBack()
    {
        double[] nm = { 24.5, 400.0, 2000.0 };
        var unloads = Unloads(AreaFunction.FromNanometre(nm));
        unloads[4] = unloads[4] with { Stiffness = unloads[4].Stiffness * 0.3 };
        unloads[7] = unloads[7] with { Stiffness = unloads[7].Stiffness * 1.2 };
        var cal = AreaCalibration.Fit(unloads, E, Options, 3, out _)!;
        Assert.Equal(new[] { 4, 7 }, cal.Points.Select((p, i) => (p, i)).Where(x => x.p.Rejected).Select(x => x.i));
        var got = cal.Area.ToNanometre();
        for (int k = 0; k < 3; k++) Assert.Equal(nm[k], got[k], nm[k] * 1e-4);
    }

    [Fact]
    public void TheCalibratedAreaGivesTheReferenceModulusBack()
    {
        var tip = AreaFunction.FromNanometre(new[] { 24.5, 400.0, 2000.0 });
        string csv = Path.Combine(Path.GetTempPath(), "creepcell-area-" + Guid.NewGuid().ToString("N") + ".csv");
        var t = SyntheticCurves.MultiCycle(E, H, 1.5, Depths, tip: tip);
        File.WriteAllLines(csv, new[] { "time (s),load (mN),depth (nm)" }.Concat(t.Time.Select((x, i) =>
            FormattableString.Invariant($"{x:R},{t.Load[i] * 1e3:R},{t.Depth[i] * 1e9:R}"))));
        var job = new IndentJob
        {
            CalibrateAreaModulus = E, Overrides = new IndentOverrides { Beta = SyntheticCurves.Beta, Poisson = SyntheticCurves.V },
        };
        var report = IndentAnalysis.Run(new[] { csv }, job);
        Assert.Single(report.Areas);
        Assert.All(report.Indents.SelectMany(i => i.Unloads), u => Assert.Equal(E, u.Modulus, E * 1e-4));
        Assert.Contains("C2,0.5,2000", IndentReportWriter.AreaFunctions(report).Replace(".00000", ""));
    }
}
