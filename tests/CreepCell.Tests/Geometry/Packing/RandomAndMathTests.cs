using CreepCell.Geometry.Packing;

namespace CreepCell.Tests.Geometry.Packing;

public class RandomAndMathTests
{
    [Fact]
    public void SplitMix64_matches_the_reference_outputs_for_seed_zero()
    {
        // first outputs of Vigna's splitmix64.c with state 0
        var r = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, r.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, r.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, r.NextUInt64());
        Assert.Equal(0xF88BB8A8724C81ECUL, r.NextUInt64());
    }

    [Fact]
    public void Log_normal_draws_have_the_requested_mean_and_cv()
    {
        var r = new SplitMix64(42);
        const int n = 200_000;
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = r.NextLogNormal(3.0, 0.25);
        double mean = x.Average();
        double sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        // standard error of the mean: 0.75 / sqrt(n) = 0.0017
        Assert.InRange(mean, 3.0 - 0.01, 3.0 + 0.01);
        Assert.InRange(sd / mean, 0.25 - 0.005, 0.25 + 0.005);
        Assert.All(x, v => Assert.True(v > 0));
    }

    [Theory]
    [InlineData(-3.7)]
    [InlineData(-0.2)]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(7.25)]
    [InlineData(-40)]
    public void Exp_and_log_agree_with_the_runtime_to_a_few_ulp(double x)
    {
        Assert.Equal(Math.Exp(x), DetMath.Exp(x), Math.Exp(x) * 4e-16);
        double y = Math.Abs(x) + 1e-3;
        Assert.Equal(Math.Log(y), DetMath.Log(y), 4e-16 * Math.Max(1, Math.Abs(Math.Log(y))));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(1.5707963267948966)]
    [InlineData(2.9)]
    [InlineData(-3.1)]
    public void Sin_cos_and_atan2_agree_with_the_runtime(double x)
    {
        Assert.Equal(Math.Sin(x), DetMath.Sin(x), 1e-15);
        Assert.Equal(Math.Cos(x), DetMath.Cos(x), 1e-15);
        Assert.Equal(Math.Atan2(Math.Sin(x), Math.Cos(x)), DetMath.Atan2(Math.Sin(x), Math.Cos(x)), 1e-15);
        Assert.Equal(Math.Atan2(-2.0, x), DetMath.Atan2(-2.0, x), 1e-15);
    }
}
