using CreepCell.Materials;

namespace CreepCell.Tests.Materials;

/// <summary>
/// Rezoning makes the deformed state the new reference of a material point. The law must then give the
/// same Cauchy stress, the same creep and the same state as if the reference had never moved.
/// </summary>
public class DeformedReferenceTests
{
    static readonly Material Se = new("Se", 10e9, 0.33, 0.98, new CreepLaw(7.3e-3, 4.0, 100e6));
    static readonly Material Framework = new("MSe", 100e9, 0.25, 0.05);

    static double[] Times(double[] a, double[] b) =>
        new[] { a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3] };

    static (PointResponse R, PointState S) Step(Material m, double[] f, double theta, double dt, PointState old)
    {
        PointResponse r = default;
        var s = MaterialPoint.Update(m, f, theta, dt, 343, old, ref r, Span<double>.Empty);
        return (r, s);
    }

    static void SameStress(SymTensor expected, SymTensor actual, double scale)
    {
        Assert.Equal(expected.Xx, actual.Xx, 1e-10 * scale);
        Assert.Equal(expected.Yy, actual.Yy, 1e-10 * scale);
        Assert.Equal(expected.Xy, actual.Xy, 1e-10 * scale);
        Assert.Equal(expected.Zz, actual.Zz, 1e-10 * scale);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheLawDoesNotSeeWhereItsReferenceIs(bool creeps)
    {
        var m = creeps ? Se : Framework;
        double[] f1 = { 1.12, 0.05, -0.03, 1.04 }, f2 = { 0.98, -0.04, 0.06, 1.07 };
        var (r1, s1) = Step(m, f1, 0.3, 20, PointState.Initial);
        var (r2, s2) = Step(m, Times(f2, f1), 0.5, 30, s1);

        var moved = s1.InDeformedReference(f1[0], f1[1], f1[2], f1[3]);
        var (r1m, _) = Step(m, new double[] { 1, 0, 0, 1 }, 0.3, 0, moved);
        var (r2m, s2m) = Step(m, f2, 0.5, 30, moved);

        double scale = Math.Abs(r2.Cauchy.Zz) + r2.Cauchy.VonMises;
        SameStress(r1.Cauchy, r1m.Cauchy, scale);
        SameStress(r2.Cauchy, r2m.Cauchy, scale);
        if (creeps) Assert.True(r2.CreepIncrement > 1e-3, "the second step should creep");
        Assert.Equal(r2.CreepIncrement, r2m.CreepIncrement, 1e-10 * Math.Max(r2.CreepIncrement, 1e-6));
        // energy per reference volume: the new reference holds det F1 times the old volume
        double j1 = f1[0] * f1[3] - f1[1] * f1[2];
        Assert.Equal(r2.Energy, r2m.Energy * j1, 1e-9 * r2.Energy);
        // the state after step 2 is the old one carried to the new reference
        var expected = s2.InDeformedReference(f1[0], f1[1], f1[2], f1[3]);
        Assert.Equal(expected.CreepInverse.Xx, s2m.CreepInverse.Xx, 1e-10);
        Assert.Equal(expected.CreepInverse.Xy, s2m.CreepInverse.Xy, 1e-10);
        Assert.Equal(expected.CreepInverse.Zz, s2m.CreepInverse.Zz, 1e-10);
        Assert.Equal(j1, s2m.VolumeRatio, 1e-14);
    }

    [Fact]
    public void StressIsTheDerivativeOfThePointEnergyInAMovedReference()
    {
        double[] f1 = { 1.2, 0.1, -0.05, 0.9 };
        var (_, s1) = Step(Se, f1, 0.4, 10, PointState.Initial);
        var old = s1.InDeformedReference(f1[0], f1[1], f1[2], f1[3]);
        var f = new[] { 1.03, 0.02, -0.015, 0.97 };
        var (r, _) = Step(Se, f, 0.45, 50, old);
        double[] p = { r.P0, r.P1, r.P2, r.P3 };
        Assert.True(r.CreepIncrement > 1e-3, "the step should creep");
        for (int k = 0; k < 4; k++)
        {
            double Energy(double h)
            {
                var g = (double[])f.Clone();
                g[k] += h;
                return Step(Se, g, 0.45, 50, old).R.Energy;
            }
            double fd = (Energy(1e-6) - Energy(-1e-6)) / 2e-6;
            Assert.True(Math.Abs(fd - p[k]) < 1e-6 * p.Max(Math.Abs), $"component {k}: dW/dF = {fd:E8}, P = {p[k]:E8}");
        }
    }
}
