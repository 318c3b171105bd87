using CreepCell.Fem;
using CreepCell.Geometry;
using CreepCell.Meshing;

namespace CreepCell.Tests.Meshing;

/// <summary>The certified Jacobian check agrees with dense sampling of det J on randomly distorted elements.</summary>
public class ElementValidityTests
{
    static Vec2[] Straight(ElementType t) => ElementValidity.NodePositions(t)
        .Select(p => t is ElementType.Tri3 or ElementType.Tri6 ? new Vec2(p.Xi, p.Eta) : new Vec2(0.5 * (p.Xi + 1), 0.5 * (p.Eta + 1))).ToArray();

    static double SampledMinimum(ElementType t, Vec2[] x, int n)
    {
        double min = double.PositiveInfinity;
        bool tri = t is ElementType.Tri3 or ElementType.Tri6;
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= (tri ? n - i : n); j++)
            {
                double xi = tri ? (double)i / n : -1 + 2.0 * i / n, eta = tri ? (double)j / n : -1 + 2.0 * j / n;
                min = Math.Min(min, ElementValidity.Determinant(t, x, xi, eta));
            }
        return min;
    }

    [Theory]
    [InlineData(ElementType.Tri6, 0.35)]
    [InlineData(ElementType.Quad4, 0.7)]
    [InlineData(ElementType.Quad8, 0.3)]
    [InlineData(ElementType.Quad9, 0.3)]
    public void VerdictAgreesWithDenseSampling(ElementType type, double amplitude)
    {
        var random = new Random(7);
        int valid = 0, invalid = 0;
        for (int k = 0; k < 600; k++)
        {
            var x = Straight(type);
            int start = type.Order() == 1 ? 0 : type.CornerCount();
            for (int a = start; a < x.Length; a++)
                x[a] += new Vec2(amplitude * (2 * random.NextDouble() - 1), amplitude * (2 * random.NextDouble() - 1));
            double sampled = SampledMinimum(type, x, 40);
            var defect = ElementValidity.Check(type, x);
            if (sampled < -1e-9) Assert.NotNull(defect);
            if (defect is null) { valid++; Assert.True(sampled > -1e-9, $"certified valid, sampled det J {sampled}"); }
            else { invalid++; Assert.True(defect.Determinant <= 0); Assert.Equal(defect.Determinant, ElementValidity.Determinant(type, x, defect.Xi, defect.Eta)); }
        }
        // both verdicts occur, so the comparison tested something
        Assert.InRange(valid, 60, 540);
        Assert.InRange(invalid, 60, 540);
    }

    [Fact]
    public void Tri6InvertedOnlyBetweenItsIntegrationPointsIsFound()
    {
        Vec2[] x = [new(0, 0), new(1, 0), new(0, 1), new(0.637, -0.305), new(0.312, 0.323), new(-0.016, 0.735)];
        var reference = ReferenceElement.Of(ElementType.Tri6);
        foreach (var (xi, eta) in reference.Points.Concat(ElementValidity.NodePositions(ElementType.Tri6)))
            Assert.True(ElementValidity.Determinant(ElementType.Tri6, x, xi, eta) > 0);
        var defect = ElementValidity.Check(ElementType.Tri6, x);
        Assert.NotNull(defect);
        Assert.Equal("between the integration points", defect.Where);
    }

    [Fact]
    public void CubicBernsteinCoefficientsReproduceTheSamples()
    {
        double[] f = [0.3, -1.2, 2.5, 0.7];
        var b = new double[4];
        ElementValidity.ToBernstein(f, b);
        for (int i = 0; i < 4; i++)
        {
            double t = i / 3.0;
            double p = b[0] * Math.Pow(1 - t, 3) + 3 * b[1] * t * (1 - t) * (1 - t) + 3 * b[2] * t * t * (1 - t) + b[3] * t * t * t;
            Assert.Equal(f[i], p, 12);
        }
    }
}
