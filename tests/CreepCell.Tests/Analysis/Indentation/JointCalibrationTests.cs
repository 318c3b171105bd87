using CreepCell.Analysis.Indentation;
using Xunit.Abstractions;

namespace CreepCell.Tests.Analysis.Indentation;

/// <summary>
/// Joint frame and tip-area calibration: indents made with a known frame compliance and area function give both
/// back; a shallow hardness rise is kept out of the frame line; FusedSilica.xlsx is calibrated and compared with
/// the calibration indentationGUI saved for the same file.
/// </summary>
public class JointCalibrationTests(ITestOutputHelper output)
{
    static readonly double[] Depths = { 60e-9, 90e-9, 130e-9, 180e-9, 250e-9, 350e-9, 500e-9, 700e-9, 950e-9, 1300e-9 };
    const double E = 72e9, H = 9e9;
    static IndentOptions Options => new() { Beta = SyntheticCurves.Beta, SamplePoisson = SyntheticCurves.V };

    [Theory]
    [InlineData(0.5, new[] { 24.5, 400.0, 2000.0 })]
    [InlineData(2.0, new[] { 22.0, 900.0 })]
    [InlineData(0.0, new[] { 24.5, 150.0, 5000.0, -3000.0 })]
    public void IndentsWithAKnownFrameAndTipGiveBothBack(double cfNmPerMn, double[] nm)
    {
        var test = SyntheticCurves.MultiCycle(E, H, 1.5, Depths, frameCompliance: cfNmPerMn * 1e-6, tip: AreaFunction.FromNanometre(nm));
        var raw = OliverPharr.Analyze(test, Options).Results;
        var j = JointCalibration.Fit(raw, E, Options, nm.Length, out string? why);
        Assert.True(j is not null, why);
        // The unloads are fitted as power laws; with frame compliance in the depth they are not exact power laws,
        // which costs the stiffness a few parts in a thousand (as for the frame calibration alone).
        Assert.Equal(cfNmPerMn, j!.Frame.Compliance * 1e6, 0.005 * cfNmPerMn + 1e-6);
        Assert.Equal(Depths.Length, j.PlateauUnloads);
        Assert.Equal(H / 1e9, j.PlateauHardness / 1e9, 0.01);
        var tip = AreaFunction.FromNanometre(nm);
        foreach (double hc in Depths) Assert.Equal(1, j.Area.Area.Area(hc) / tip.Area(hc), 0.005);
        if (cfNmPerMn == 0)
        {
            var got = j.Area.Area.ToNanometre();
            for (int k = 0; k < nm.Length; k++) Assert.Equal(nm[k], got[k], Math.Abs(nm[k]) * 1e-4 + 1e-6);
        }
    }

    /// <summary>
    /// Unloads from closed forms with a hardness that rises at shallow depth, H = 9 GPa (1 + 0.5 exp(-hc / 50 nm)):
    /// the shallow levels leave the plateau and the frame line rests on the deep ones.
    /// </summary>
    [Fact]
    public void AShallowHardnessRiseIsKeptOutOfTheFrameLine()
    {
        var tip = AreaFunction.FromNanometre(new[] { 24.5, 400.0, 2000.0 });
        double cf = 1e-6, er = SyntheticCurves.Er(E);
        var raw = Depths.Select((hc, i) =>
        {
            double a = tip.Area(hc), hard = H * (1 + 0.5 * Math.Exp(-hc / 50e-9)), p = hard * a;
            double s = 2 * SyntheticCurves.Beta / Math.Sqrt(Math.PI) * er * Math.Sqrt(a);
            return new UnloadResult("closed form", i + 1, p, hc + 0.75 * p / s + cf * p, 1 / (1 / s + cf), 0, 0, 0, 0, 0, default, default);
        }).ToList();
        var j = JointCalibration.Fit(raw, E, Options, 3, out string? why);
        Assert.True(j is not null, why);
        output.WriteLine($"Cf {j!.Frame.Compliance * 1e6:G5} nm/mN, plateau {j.PlateauUnloads} unloads, H {j.PlateauHardness / 1e9:G5} GPa");
        Assert.Equal(7, j.PlateauUnloads); // 60-130 nm are more than 3 % above the deep hardness, 180 nm 1.4 %
        // Cf is the intercept of the least-squares line of C against 1/sqrt(Pmax) through the 7 plateau unloads.
        var plateau = raw.Where(u => u.Cycle >= 4).ToList(); // hc from 180 nm
        double[] x = plateau.Select(u => 1 / Math.Sqrt(u.Pmax)).ToArray(), y = plateau.Select(u => 1 / u.Stiffness).ToArray();
        double mx = x.Average(), my = y.Average();
        double slope = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / x.Sum(a => (a - mx) * (a - mx));
        Assert.Equal(my - slope * mx, j.Frame.Compliance, 1e-12 * cf);
        // The 1.4 % rise left at 180 nm pulls it 2.5 % below the true 1 nm/mN, and the area at 500 nm 1.6 % low.
        Assert.Equal(1.0, j.Frame.Compliance * 1e6, 0.03);
        Assert.Equal(1.0, j.Area.Area.Area(500e-9) / tip.Area(500e-9), 0.02);
    }

    [Fact]
    public void UnloadsAtOneDepthCannotSeparateTheFrameAndSaySo()
    {
        var test = SyntheticCurves.MultiCycle(E, H, 1.5, new[] { 500e-9, 520e-9, 540e-9, 560e-9, 580e-9 }, frameCompliance: 1e-6);
        var raw = OliverPharr.Analyze(test, Options).Results;
        Assert.Null(JointCalibration.Fit(raw, E, Options, 2, out string? why));
        Assert.Contains("factor 2 in load", why);
    }

    /// <summary>
    /// FusedSilica.xlsx (16 indents, 10 cycles from 0.09 to 48 mN, no area function, no frame stiffness in the file):
    /// with each zero moved to first contact, the joint calibration at E = 72 GPa settles; its area function lies
    /// within 20 % of the one indentationGUI's saved session for this file gives (21.36 hc^2 + 1181.6 hc^1/2, nm)
    /// between 100 and 800 nm, and analysing the file with it gives 72 GPa back on the plateau.
    /// </summary>
    [Fact]
    public void FusedSilicaIsCalibratedJointlyAndAgreesWithIndentationGuiWithin20Percent()
    {
        var job = new IndentJob { FindSurface = true, CalibrateFrame = true, CalibrateAreaModulus = 72e9, OutlierSigma = 0 };
        var report = IndentAnalysis.Run(new[] { IndentFixtures.FusedSilica }, job);
        var (_, frame) = Assert.Single(report.Frames);
        var (_, area) = Assert.Single(report.Areas);
        output.WriteLine($"Cf {frame.Compliance * 1e6:G4} +- {frame.ComplianceError * 1e6:G2} nm/mN from {frame.Unloads} unloads in {frame.Iterations} iterations; {frame.Method}");
        output.WriteLine($"area (nm): {string.Join(", ", area.Area.ToNanometre().Select(c => c.ToString("G5")))}, rms {area.RmsRelativeError:P2}, rejected {area.Points.Count(p => p.Rejected)} of {area.Points.Count}");
        Assert.InRange(frame.Compliance * 1e6, 0, 2);
        Assert.True(frame.Unloads >= 100, $"{frame.Unloads} unloads on the plateau");
        var gui = AreaFunction.FromNanometre(new[] { 21.36, 0, 1181.6 });
        foreach (double hc in new[] { 100e-9, 200e-9, 400e-9, 800e-9 })
        {
            double ratio = area.Area.Area(hc) / gui.Area(hc);
            output.WriteLine($"hc {hc * 1e9} nm: A / A(indentationGUI) = {ratio:F3}");
            Assert.InRange(ratio, 0.8, 1.2);
        }
        var deep = report.Indents.SelectMany(i => i.Unloads).Where(u => u.Pmax > 1e-3).Select(u => u.Modulus).ToList();
        Assert.Equal(72, deep.Average() / 1e9, 2.0);
    }

    [Fact]
    public void WithoutTheSurfaceTheAreaFitOnFusedSilicaMissesAndIsWarned()
    {
        var job = new IndentJob { CalibrateFrame = true, CalibrateAreaModulus = 72e9, OutlierSigma = 0 };
        var report = IndentAnalysis.Run(new[] { IndentFixtures.FusedSilica }, job);
        var (_, area) = Assert.Single(report.Areas);
        Assert.True(area.RmsRelativeError > 0.1, $"rms {area.RmsRelativeError:P1}");
        Assert.Contains(report.Warnings, w => w.Contains("misses its points") && w.Contains("--find-surface"));
        Assert.Contains(report.Warnings, w => w.Contains("past the recorded zero"));
    }
}
