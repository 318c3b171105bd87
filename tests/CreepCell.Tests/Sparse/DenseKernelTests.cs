using CreepCell.Sparse;

namespace CreepCell.Tests.Sparse;

public class DenseKernelTests
{
    static double[] RandomSpdFront(int m, int seed)
    {
        var rng = new Random(seed);
        var g = new double[m * m];
        for (int i = 0; i < g.Length; i++) g[i] = rng.NextDouble() - 0.5;
        var f = new double[m * m];
        for (int j = 0; j < m; j++)
            for (int i = j; i < m; i++)
            {
                double s = 0;
                for (int t = 0; t < m; t++) s += g[i + t * m] * g[j + t * m];
                f[i + j * m] = s + (i == j ? m : 0);
            }
        return f;
    }

    [Fact]
    public void PartialFactorReproducesTheFrontAndIsThreadIndependent()
    {
        int m = 360, k = 250;
        var original = RandomSpdFront(m, 3);
        var one = (double[])original.Clone();
        var two = (double[])original.Clone();
        Assert.Equal(-1, new DenseLdl(1).Factor(one, m, k, true, new double[k]));
        Assert.Equal(-1, new DenseLdl(2).Factor(two, m, k, true, new double[k]));
        Assert.Equal(one, two);
        // L D L^T over the first k columns plus the Schur complement gives back the front
        double worst = 0;
        for (int j = 0; j < m; j++)
            for (int i = j; i < m; i++)
            {
                double s = 0;
                for (int t = 0; t < Math.Min(j + 1, k); t++)
                {
                    double lit = i == t ? 1 : one[i + t * m], ljt = j == t ? 1 : one[j + t * m];
                    s += lit * one[t + t * m] * ljt;
                }
                if (j >= k) s += one[i + j * m];
                worst = Math.Max(worst, Math.Abs(s - original[i + j * m]));
            }
        Assert.True(worst <= 1e-10 * m, $"largest reconstruction error {worst}");
    }
}
