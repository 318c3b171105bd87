using CreepCell.Analysis.Indentation;

namespace CreepCell.Tests.Analysis.Indentation;

/// <summary>Pop-in detection and the Hertzian tip-radius fit: a closed-form Hertz curve, and the public Popin.xls against the instrument's own CSM stiffness.</summary>
public class PopInTests
{
    /// <summary>
    /// Load-controlled test: Hertz P = 4/3 Er sqrt(R) (h - h0)^1.5 up to the pop-in load, a burst of
    /// <paramref name="jump"/> at that load, then elastic-plastic loading P = C (h - hr)^2 through the burst's end.
    /// Depth noise is a fixed +-0.3 nm pattern.
    /// </summary>
    static IndentTest HertzWithPopIn(double er, double radius, double pPop, double jump, double h0 = 2e-9)
    {
        double k = 4.0 / 3.0 * er * Math.Sqrt(radius);
        double hPop = h0 + Math.Pow(pPop / k, 2.0 / 3.0);
        double hAfter = hPop + jump, c = pPop / Math.Pow(0.5 * (hAfter - h0), 2), hr = hAfter - 0.5 * (hAfter - h0);
        var t = new List<double>(); var p = new List<double>(); var d = new List<double>();
        for (int i = 0; i <= 400; i++)
        {
            double load = 2 * pPop * i / 400.0;
            double depth = load <= pPop ? h0 + Math.Pow(load / k, 2.0 / 3.0) : hr + Math.Sqrt(load / c);
            t.Add(0.1 * i); p.Add(load); d.Add(depth + 0.3e-9 * Math.Sin(1.7 * i));
        }
        return new IndentTest("hertz", t.ToArray(), p.ToArray(), d.ToArray(), null, null, null, Array.Empty<SegmentMarker>());
    }

    [Fact]
    public void SyntheticHertzCurveGivesTheTipRadiusAndThePopIn()
    {
        double er = 180e9, radius = 150e-9, pPop = 0.4e-3, jump = 15e-9;
        var test = HertzWithPopIn(er, radius, pPop, jump);
        var events = PopIns.Find(test, new PopInOptions());
        Assert.Single(events);
        // The burst starts on the last row at or below the pop-in load (rows are 2 uN apart).
        Assert.InRange(events[0].Load, pPop - 2.1e-6, pPop);
        Assert.Equal(jump, events[0].Jump, 1.0e-9);
        var fit = PopIns.FitHertz(test, events[0], er, out string? why);
        Assert.NotNull(fit);
        Assert.Equal(radius, fit!.TipRadius, radius * 0.02);
        Assert.Equal(2e-9, fit.SurfaceOffset, 0.3e-9);
        // Johnson: tau_max = 0.31 p0, p0 = (6 P Er^2 / (pi^3 R^2))^(1/3).
        double p0 = Math.Cbrt(6 * events[0].Load * er * er / (Math.Pow(Math.PI, 3) * radius * radius));
        Assert.Equal(0.31 * p0, fit.MaxShearAtPopIn, 0.31 * p0 * 0.02);
    }

    [Fact]
    public void SmoothCurveWithoutBurstHasNoPopIn()
    {
        var test = HertzWithPopIn(180e9, 150e-9, 0.4e-3, 0);
        Assert.Empty(PopIns.Find(test, new PopInOptions()));
    }

    [Fact]
    public void PopinXlsBurstsAreConfirmedByTheInstrumentStiffnessAndTheHertzSlopeMatchesIt()
    {
        var file = IndentAnalysis.ReadFile(IndentFixtures.Popin, null);
        Assert.Equal(12, file.Tests.Count);
        int compared = 0;
        foreach (var t in file.Tests)
        {
            var events = PopIns.Find(t, new PopInOptions());
            Assert.NotEmpty(events);
            var e = events[0];
            double before = Enumerable.Range(e.Index - 4, 5).Average(i => t.HarmonicStiffness![i]);
            double after = Enumerable.Range(e.Index + 2, 3).Average(i => t.HarmonicStiffness![i]);
            // The contact grows in a burst: the instrument's own CSM stiffness jumps with it.
            Assert.True(after > 1.3 * before, $"{t.Name}: CSM stiffness {before:G4} -> {after:G4} N/m across the pop-in at {e.Depth * 1e9:F1} nm");
            if (e.Jump < 10e-9) continue;
            // The slope of the fitted Hertz curve, dP/dh = 3/2 k (h - h0)^(1/2), against the measured harmonic stiffness.
            var fit = PopIns.FitHertz(t, e, 300e9, out _)!;
            double h = Enumerable.Range(e.Index - 4, 5).Average(i => t.Depth[i]);
            double slope = 1.5 * fit.K * Math.Sqrt(h - fit.SurfaceOffset);
            Assert.InRange(slope / before, 0.85, 1.1);
            Assert.True(fit.RSquared > 0.99, $"{t.Name}: Hertz R^2 {fit.RSquared:F4}");
            compared++;
        }
        Assert.True(compared >= 10);
    }

    [Fact]
    public void PopInTableIsWrittenWithTheTipRadius()
    {
        // Every test's pop-ins: outlier rejection off (it leaves out Test 012, whose CSM modulus is 6 % below the others).
        var job = new IndentJob { PopIn = true, HertzSampleModulus = 411e9, OutlierSigma = 0 };
        var report = IndentAnalysis.Run(new[] { IndentFixtures.Popin }, job);
        string csv = IndentReportWriter.PopIns(report);
        var first = csv.Split('\n').Skip(1).Where(l => l.Contains(",1,")).ToList();
        Assert.Equal(12, first.Count);
        Assert.All(first, l => Assert.Contains("--sample-modulus", l));
        Assert.DoesNotContain("NaN", csv);
    }
}
