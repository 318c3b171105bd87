using CreepCell.Materials;

namespace CreepCell.Tests.Materials;

/// <summary>
/// The point energy is the incremental potential of the update: elastic energy plus, with creep, the
/// dissipation of the step. Its derivative in F must be the first Piola-Kirchhoff stress, or the energy
/// line search would accept wrong steps.
/// </summary>
public class IncrementalPotentialTests
{
    static readonly Material Elastic = new("MSe", 100e9, 0.25, 0.05);

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(3.0, 10.0)]
    [InlineData(6.5, 1000.0)]
    public void StressIsTheDerivativeOfThePointEnergy(double n, double dt)
    {
        var m = n == 0 ? Elastic : new Material("Se", 10e9, 0.33, 0.98, new CreepLaw(7.3e-3, n, 100e6));
        var f = new[] { 1.03, 0.02, -0.015, 0.97 };
        // a state that has crept before, so that the creep inverse is not the identity
        var old = new PointState(new SymTensor(1.1, 0.95, 0.03, 1 / (1.1 * 0.95 - 0.03 * 0.03)), 0.1);
        PointResponse r = default;
        MaterialPoint.Update(m, f, 0.4, dt, 343, old, ref r, Span<double>.Empty);
        double[] p = { r.P0, r.P1, r.P2, r.P3 };
        if (n > 0) Assert.True(r.CreepIncrement > 1e-3, "the step should creep");
        for (int k = 0; k < 4; k++)
        {
            double h = 1e-6;
            double Energy(double s)
            {
                var g = (double[])f.Clone();
                g[k] += s;
                PointResponse q = default;
                MaterialPoint.Update(m, g, 0.4, dt, 343, old, ref q, Span<double>.Empty);
                return q.Energy;
            }
            double fd = (Energy(h) - Energy(-h)) / (2 * h);
            double scale = p.Max(Math.Abs);
            Assert.True(Math.Abs(fd - p[k]) < 1e-6 * scale, $"component {k}: dW/dF = {fd:E8}, P = {p[k]:E8}");
        }
    }

    [Fact]
    public void EnergyOfAStressFreeSwollenPointIsTheOutOfPlaneConstraintEnergy()
    {
        // in-plane free swelling, F = Js^(1/3) in plane; F33 = 1 leaves ezz = -ln(Js)/3
        double js = Elastic.SwellingJacobian(0.6);
        double l = Math.Cbrt(js);
        PointResponse r = default;
        MaterialPoint.Update(Elastic, new[] { l, 0, 0, l }, 0.6, 0, 343, PointState.Initial, ref r, Span<double>.Empty);
        double ezz = -Math.Log(js) / 3;
        double expected = js * (0.5 * Elastic.BulkModulus * ezz * ezz + Elastic.ShearModulus * (ezz * ezz * 2.0 / 3.0));
        Assert.Equal(expected, r.Energy, 1e-9 * expected);
    }
}
