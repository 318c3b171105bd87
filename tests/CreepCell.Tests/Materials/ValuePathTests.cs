using CreepCell.Materials;

namespace CreepCell.Tests.Materials;

/// <summary>
/// A residual alone runs the material law on plain values, a tangent on dual numbers: the stresses,
/// energy and new state of a point must be the same bits either way, or a line-search trial and the
/// accepted state built from it would disagree.
/// </summary>
public class ValuePathTests
{
    static readonly Material Creeping = new("Se", 10e9, 0.33, 0.98, new CreepLaw(6.6e-4, 6.5, 100e6));
    static readonly Material Elastic = new("MSe", 100e9, 0.25, 0.02);

    [Theory]
    [InlineData(true, 1.0)]
    [InlineData(true, 1.03)]
    [InlineData(false, 1.0)]
    [InlineData(false, 0.98)]
    public void PlainAndDualArithmeticGiveTheSameBits(bool creeping, double stretch)
    {
        var m = creeping ? Creeping : Elastic;
        var random = new Random(7);
        var tangent = new double[16];
        var stretchTangent = new double[9];
        var state = PointState.Initial;
        for (int k = 0; k < 200; k++)
        {
            double[] f = { 1 + 0.1 * (random.NextDouble() - 0.5), 0.1 * (random.NextDouble() - 0.5), 0.1 * (random.NextDouble() - 0.5), 1 + 0.1 * (random.NextDouble() - 0.5) };
            double theta = random.NextDouble(), dt = k % 5 == 0 ? 0 : 100 * random.NextDouble();
            PointResponse plain = default, dual = default;
            var s1 = MaterialPoint.Update(m, f, stretch, theta, dt, 343, state, ref plain, Span<double>.Empty, Span<double>.Empty);
            var s2 = MaterialPoint.Update(m, f, stretch, theta, dt, 343, state, ref dual, tangent, stretchTangent);
            Assert.Equal(dual, plain);
            Assert.Equal(s2, s1);
            Assert.True(!creeping || dt == 0 || plain.CreepIncrement > 0 || k == 0, "the sample creeps");
            state = s1;
        }
    }
}
