using CreepCell.Analysis.Indentation;
using Xunit.Abstractions;

namespace CreepCell.Tests.Analysis.Indentation;

/// <summary>Surface finding: a known zero offset comes back from synthetic curves, and on real G200 exports the surface lies where the raw load leaves its noise.</summary>
public class SurfaceFindingTests(ITestOutputHelper output)
{
    static readonly double[] Depths = { 60e-9, 130e-9, 250e-9, 500e-9, 950e-9 };

    /// <summary>Approach rows (depth rising, no load) before the record, and every depth moved by the offset.</summary>
    static IndentTest WithApproach(IndentTest t, double offset, int rows)
    {
        var time = Enumerable.Range(0, rows).Select(i => -0.1 * (rows - i)).Concat(t.Time).ToArray();
        var load = new double[rows].Concat(t.Load).ToArray();
        var depth = Enumerable.Range(0, rows).Select(i => offset * i / rows).Concat(t.Depth.Select(d => d + offset)).ToArray();
        return t with { Time = time, Load = load, Depth = depth, Markers = t.Markers.Select(m => m with { Index = m.Index + rows }).ToList() };
    }

    [Theory]
    [InlineData(37e-9)]
    [InlineData(150e-9)]
    public void AKnownOffsetOfTheZeroComesBack(double offset)
    {
        var t = WithApproach(SyntheticCurves.MultiCycle(72e9, 9e9, 1.5, Depths), offset, 12);
        var s = SurfaceFinder.Find(t, out string? why);
        Assert.True(s is not null, why);
        Assert.Equal(offset * 1e9, s!.Shift * 1e9, 0.01);
        Assert.Equal(2.0, s.Exponent, 1e-3); // the synthetic loading is P proportional to h^2
        Assert.Equal(12, s.FirstContactRow);
    }

    [Fact]
    public void AHertzianStartWithLoadNoiseGivesTheSurfaceWithinANanometre()
    {
        // P = 4/3 Er sqrt(R) (h - h0)^1.5 with R = 200 nm, Er = 70 GPa, to 400 nm past h0 = 55 nm; noise 0.3 uN
        // (about 2 % of the load at the end of the fit window, 30 nm past contact).
        double h0 = 55e-9, k = 4.0 / 3 * 70e9 * Math.Sqrt(200e-9);
        var rng = new Random(7);
        var h = Enumerable.Range(0, 2000).Select(i => i * 455e-9 / 1999).ToArray();
        var p = h.Select(x => k * Math.Pow(Math.Max(x - h0, 0), 1.5) + 0.3e-6 * Gauss(rng)).ToArray();
        var t = new IndentTest("hertz", h.Select((_, i) => 0.1 * i).ToArray(), p, h, null, null, null, Array.Empty<SegmentMarker>());
        var s = SurfaceFinder.Find(t, out string? why);
        Assert.True(s is not null, why);
        output.WriteLine($"h0 {s!.Shift * 1e9:F3} nm, m {s.Exponent:F3}");
        Assert.Equal(55, s.Shift * 1e9, 1.0);
        Assert.Equal(1.5, s.Exponent, 0.1);
    }

    static double Gauss(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    [Fact]
    public void AppliedShiftGivesTheModulusAndHardnessOfTheCurveWithoutOffset()
    {
        string csv = Path.Combine(Path.GetTempPath(), "creepcell-surface-" + Guid.NewGuid().ToString("N") + ".csv");
        var t = WithApproach(SyntheticCurves.MultiCycle(72e9, 9e9, 1.5, Depths), 80e-9, 12);
        File.WriteAllLines(csv, new[] { "time (s),load (mN),depth (nm)" }.Concat(t.Time.Select((x, i) =>
            FormattableString.Invariant($"{x:R},{t.Load[i] * 1e3:R},{t.Depth[i] * 1e9:R}"))));
        var overrides = new IndentOverrides { Beta = SyntheticCurves.Beta, Poisson = SyntheticCurves.V };
        var found = IndentAnalysis.Run(new[] { csv }, new IndentJob { Overrides = overrides, FindSurface = true });
        Assert.Equal(80, Assert.Single(found.Surfaces).Shift * 1e9, 0.01);
        Assert.All(found.Indents.Single().Unloads, u => { Assert.Equal(72, u.Modulus / 1e9, 0.05); Assert.Equal(9, u.Hardness / 1e9, 0.01); });
        var raw = IndentAnalysis.Run(new[] { csv }, new IndentJob { Overrides = overrides });
        Assert.Empty(raw.Surfaces);
        Assert.Contains(raw.Warnings, w => w.Contains("80 nm past the recorded zero"));
        Assert.True(raw.Indents.Single().Unloads[0].Hardness < 0.5 * 9e9); // the offset alone halves the shallowest hardness
    }

    /// <summary>
    /// FusedSilica.xlsx records about 80-190 nm of approach with no load before each indent's loading, and
    /// Tungsten_FrameStiffness.xlsx 64-75 nm. The surface found from the loading law must lie between the last row
    /// whose load is still within 3 noise standard deviations (taken over the first rows) and the first row above
    /// 10 of them, give or take 1.5 nm (the fitted law puts first contact up to about a nanometre before the raw
    /// load rises above 3 sigma). One tungsten indent (test 5, whose loading climbs with m = 1.9) misses it: its
    /// surface lies 2.7 nm past the row above 10 sigma.
    /// </summary>
    [Theory]
    [InlineData("FusedSilica.xlsx", 15, 0)]
    [InlineData("Tungsten_FrameStiffness.xlsx", 8, 1)]
    public void OnG200CalibrationRunsTheSurfaceLiesWhereTheLoadLeavesItsNoise(string file, int expectedFound, int expectedOutside)
    {
        var f = G200Reader.Read(file.StartsWith("Fused") ? IndentFixtures.FusedSilica : IndentFixtures.Tungsten);
        int found = 0, outside = 0;
        foreach (var t in f.Tests)
        {
            var s = SurfaceFinder.Find(t, out string? why);
            if (s is null) { output.WriteLine($"{t.Name}: {why}"); continue; }
            double sigma = Math.Sqrt(t.Load.Skip(1).Take(5).Average(p => p * p));
            int loud = Array.FindIndex(t.Load, p => p > 10 * sigma);
            int quiet = Enumerable.Range(0, loud).Last(i => Math.Abs(t.Load[i]) <= 3 * sigma);
            output.WriteLine($"{t.Name}: surface {s.Shift * 1e9:F1} nm, m {s.Exponent:F2}; bracket {t.Depth[quiet] * 1e9:F1}-{t.Depth[loud] * 1e9:F1} nm");
            found++;
            if (s.Shift < t.Depth[quiet] - 1.5e-9 || s.Shift > t.Depth[loud] + 1.5e-9) { outside++; continue; }
            Assert.InRange(s.Exponent, 1.3, 1.8); // the rounded apex: close to Hertz's 1.5
        }
        Assert.Equal(expectedFound, found);
        Assert.Equal(expectedOutside, outside);
    }

    [Fact]
    public void WhereTheInstrumentFoundTheSurfaceTheShiftIsSmall()
    {
        // Example.xls: the G200 set its zero by a contact-stiffness trigger.
        foreach (var t in G200Reader.Read(IndentFixtures.Example).Tests)
        {
            var s = SurfaceFinder.Find(t, out string? why);
            Assert.True(s is not null, why);
            output.WriteLine($"{t.Name}: {s!.Shift * 1e9:F2} nm");
            Assert.InRange(s.Shift * 1e9, -5, 5);
        }
    }

    [Fact]
    public void TheCommandWritesTheShiftOfEveryIndentFound()
    {
        string dir = Path.Combine(IndentFixtures.TempDir(), "out");
        Assert.Equal(0, IndentFixtures.RunCli("indent", IndentFixtures.FusedSilica, "--find-surface", "--no-plots", "--out", dir));
        var rows = File.ReadAllLines(Path.Combine(dir, "surface.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(15, rows.Count);
        var f = G200Reader.Read(IndentFixtures.FusedSilica);
        foreach (var row in rows)
        {
            var s = SurfaceFinder.Find(f.Tests.Single(t => t.Name == row[0]), out _)!;
            Assert.Equal(s.Shift * 1e9, double.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture), 1e-3);
        }
        Assert.Contains("Test 3,0,surface not found", File.ReadAllText(Path.Combine(dir, "failures.csv")));
    }
}
