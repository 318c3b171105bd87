using CreepCell.Materials;

namespace CreepCell.Tests.Materials;

/// <summary>
/// The material law with F33 as a variable (generalized plane strain): its F33 row and column of the
/// tangent against central differences, the in-plane block at F33 != 1, the energy as the potential of
/// P33, and the creep state update with the full 3x3 F.
/// </summary>
public class OutOfPlaneTangentTests
{
    static readonly Material Creeping = new("Se", 10e9, 0.33, 0.98, new CreepLaw(6.6e-4, 6.5, 100e6));
    static readonly Material Elastic = new("MSe", 100e9, 0.25, 0.02);
    static readonly double[] F = { 1.08, 0.05, -0.03, 0.97 };
    const double Stretch = 1.04, Theta = 0.4, Dt = 30, T = 343;

    /// <summary>An aged creep state, so that Cc^-1 is not the identity.</summary>
    static PointState Aged(Material m)
    {
        var r = new PointResponse();
        var s = PointState.Initial;
        for (int k = 0; k < 3; k++) s = MaterialPoint.Update(m, new[] { 1.02, 0.01, 0.0, 0.99 }, 1.01, 0.1 * k, 60, T, s, ref r, Span<double>.Empty, Span<double>.Empty);
        return s;
    }

    static PointResponse Response(Material m, PointState old, double[] f, double stretch)
    {
        var r = new PointResponse();
        MaterialPoint.Update(m, f, stretch, Theta, Dt, T, old, ref r, Span<double>.Empty, Span<double>.Empty);
        return r;
    }

    static double[] Stresses(PointResponse r) => new[] { r.P0, r.P1, r.P2, r.P3, r.P33 };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TangentRowAndColumnOfTheStretchMatchCentralDifferences(bool creeping)
    {
        var m = creeping ? Creeping : Elastic;
        var old = creeping ? Aged(m) : PointState.Initial;
        var r = new PointResponse();
        var t = new double[16];
        var ts = new double[9];
        MaterialPoint.Update(m, F, Stretch, Theta, Dt, T, old, ref r, t, ts);
        double scale = Math.Abs(r.P33) + Math.Abs(r.P0) + Math.Abs(r.P3);
        Assert.True(scale > 1e6, "the test point must carry stress");
        const double h = 1e-6;
        // column k = 0..3 of F and k = 4 of F33, rows P0..P3 and P33
        for (int k = 0; k < 5; k++)
        {
            var fp = (double[])F.Clone();
            var fm = (double[])F.Clone();
            double sp = Stretch, sm = Stretch;
            if (k < 4) { fp[k] += h; fm[k] -= h; } else { sp += h; sm -= h; }
            var plus = Stresses(Response(m, old, fp, sp));
            var minus = Stresses(Response(m, old, fm, sm));
            for (int i = 0; i < 5; i++)
            {
                double fd = (plus[i] - minus[i]) / (2 * h);
                double exact = (i, k) switch
                {
                    ( < 4, < 4) => t[4 * i + k],
                    ( < 4, 4) => ts[i],
                    (4, < 4) => ts[4 + k],
                    _ => ts[8],
                };
                Assert.True(Math.Abs(fd - exact) <= 1e-6 * Math.Abs(exact) + 1e-7 * m.YoungsModulus,
                    $"dP{i}/dF{k}: exact {exact:E8}, difference {fd:E8}");
            }
        }
        // a potential's tangent is symmetric: dP33/dF_k = dP_k/dF33
        for (int k = 0; k < 4; k++) Assert.Equal(ts[k], ts[4 + k], 1e-9 * Math.Abs(ts[8]));
        Assert.True(ts[8] > 0, "stretching along z must stiffen");
    }

    [Fact]
    public void EnergyIsThePotentialOfTheOutOfPlaneStress()
    {
        var old = Aged(Creeping);
        const double h = 1e-6;
        double plus = Response(Creeping, old, F, Stretch + h).Energy, minus = Response(Creeping, old, F, Stretch - h).Energy;
        double p33 = Response(Creeping, old, F, Stretch).P33;
        Assert.Equal(p33, (plus - minus) / (2 * h), 1e-6 * Math.Abs(p33));
    }

    [Fact]
    public void UnitStretchGivesThePlaneStrainUpdateBitForBit()
    {
        var old = Aged(Creeping);
        var a = new PointResponse();
        var b = new PointResponse();
        var ta = new double[16];
        var tb = new double[16];
        var sa = MaterialPoint.Update(Creeping, F, Theta, Dt, T, old, ref a, ta);
        var sb = MaterialPoint.Update(Creeping, F, 1.0, Theta, Dt, T, old, ref b, tb, new double[9]);
        Assert.Equal(sa, sb);
        Assert.Equal(new[] { a.P0, a.P1, a.P2, a.P3, a.Cauchy.Zz, a.Energy }, new[] { b.P0, b.P1, b.P2, b.P3, b.Cauchy.Zz, b.Energy });
        Assert.Equal(ta, tb);
    }

    [Fact]
    public void CreepUpdateUsesTheFullDeformationGradient()
    {
        // the new creep state with the 3x3 F reproduces the step's elastic strain: evaluating the next
        // step at the same F and F33 without time gives the same stress, and creep keeps det Cc^-1 = 1
        var old = Aged(Creeping);
        var r = new PointResponse();
        var next = MaterialPoint.Update(Creeping, F, Stretch, Theta, Dt, T, old, ref r, Span<double>.Empty, Span<double>.Empty);
        Assert.True(r.CreepIncrement > 1e-6, "the step must creep");
        var again = new PointResponse();
        MaterialPoint.Update(Creeping, F, Stretch, Theta, 0, T, next, ref again, Span<double>.Empty, Span<double>.Empty);
        double scale = Math.Abs(r.Cauchy.Zz) + Math.Abs(r.Cauchy.Xx);
        Assert.Equal(r.Cauchy.Zz, again.Cauchy.Zz, 1e-9 * scale);
        Assert.Equal(r.Cauchy.Xx, again.Cauchy.Xx, 1e-9 * scale);
        Assert.Equal(r.P33, again.P33, 1e-9 * scale);
        var c = next.CreepInverse;
        Assert.Equal(1, (c.Xx * c.Yy - c.Xy * c.Xy) * c.Zz, 1e-12);
    }
}
