using CreepCell.Sweeps;

namespace CreepCell.Tests.Sweeps;

public class SamplingTests
{
    [Fact]
    public void SobolStartsAsTheTabulatedSequence()
    {
        // the first points of the unscrambled two-dimensional Sobol sequence (Bratley and Fox 1988; scipy.stats.qmc.Sobol(2, scramble=False))
        double[] x = { 0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125 };
        double[] y = { 0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625 };
        var p = Sampling.Sobol(8, 2, seed: 0);
        Assert.Equal(x, p.Select(q => q[0]));
        Assert.Equal(y, p.Select(q => q[1]));
    }

    [Theory]
    [InlineData(16, 0UL)]
    [InlineData(64, 7UL)]
    public void SobolPointsFillEveryStratumOfEveryAxisOnce(int n, ulong seed)
    {
        // 2^k points of a (t, s)-sequence, digitally shifted or not, put one point in each of the 2^k intervals of each axis
        int d = Sampling.SobolMaxDimensions;
        var p = Sampling.Sobol(n, d, seed);
        for (int k = 0; k < d; k++)
            Assert.Equal(Enumerable.Range(0, n), p.Select(q => (int)(q[k] * n)).Order());
    }

    [Fact]
    public void LatinHypercubeHasOnePointPerStratumAndDependsOnlyOnItsSeed()
    {
        var a = Sampling.LatinHypercube(10, 3, 42);
        for (int k = 0; k < 3; k++) Assert.Equal(Enumerable.Range(0, 10), a.Select(q => (int)(q[k] * 10)).Order());
        Assert.Equal(a.SelectMany(q => q), Sampling.LatinHypercube(10, 3, 42).SelectMany(q => q));
        Assert.NotEqual(a.SelectMany(q => q), Sampling.LatinHypercube(10, 3, 43).SelectMany(q => q));
    }

    [Fact]
    public void ConfidenceIntervalUsesStudentT()
    {
        var s = Statistics.Of(new[] { 1.0, 2.0, 3.0 });
        Assert.Equal(2, s.Mean);
        Assert.Equal(1, s.Sd!.Value, 14);
        // t(0.975, 2) = 4.302652729911275 (tables of the t distribution)
        Assert.Equal(2 - 4.302652729911275 / Math.Sqrt(3), s.CiLow!.Value, 9);
        Assert.Equal(2 + 4.302652729911275 / Math.Sqrt(3), s.CiHigh!.Value, 9);
        var one = Statistics.Of(new[] { 5.0 });
        Assert.Equal(5, one.Mean);
        Assert.Null(one.Sd);
        Assert.Null(one.CiLow);
    }

    [Fact]
    public void MainEffectIsOneForAFunctionOfTheParameterAndZeroForAnUnrelatedOne()
    {
        // a balanced 3 x 3 grid: y depends on a only
        var a = new List<double>();
        var b = new List<double>();
        var y = new List<double>();
        foreach (double i in new[] { 1.0, 2, 3 })
            foreach (double j in new[] { 10.0, 20, 30 })
            {
                a.Add(i);
                b.Add(j);
                y.Add(i * i);
            }
        Assert.Equal(1, MainEffects.Index(a, y)!.Value, 12);
        Assert.Equal(0, MainEffects.Index(b, y)!.Value, 12);
        // y = a + b on the grid: each explains the share of its own variance (equal spreads: one half each)
        var sum = a.Select((v, i) => v + b[i] / 10).ToList();
        Assert.Equal(0.5, MainEffects.Index(a, sum)!.Value, 12);
    }
}
