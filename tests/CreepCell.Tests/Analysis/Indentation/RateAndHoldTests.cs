using CreepCell.Analysis.Indentation;

namespace CreepCell.Tests.Analysis.Indentation;

public class RateAndHoldTests
{
    static readonly double[] Rates = { 0.1, 0.01, 0.05, 0.003 };
    static readonly double[] Starts = { 1000e-9, 1300e-9, 1600e-9, 1900e-9 };

    [Fact]
    public void CsmRecoversConstantModulusAndRateDependentHardness()
    {
        var test = SyntheticCurves.CsmJumps(20e9, 1e9, 0.05, 0.1, Rates, Starts, 2200e-9);
        var curve = Csm.Curve(test, new IndentOptions());
        Assert.All(curve, c => Assert.Equal(20e9, c.Modulus, 20e9 * 1e-9));
        var (e, _) = Csm.Average(curve, 200e-9, 900e-9);
        Assert.Equal(20e9, e.Mean, 1);
    }

    [Theory]
    [InlineData(0.1, true)]
    [InlineData(0.02, true)]
    [InlineData(0.3, false)]
    public void StrainRateJumpsGiveTheSensitivityOfTheClosedForm(double m, bool givenDepths)
    {
        var test = SyntheticCurves.CsmJumps(20e9, 1e9, 0.05, m, Rates, Starts, 2200e-9);
        var r = StrainRateJump.Analyze(test, new IndentOptions(), givenDepths ? Starts : null, 0.3, out string? why);
        Assert.True(r != null, why);
        Assert.Equal(4, r!.Segments.Count);
        Assert.Equal(m, r.M, m * 0.01);
        Assert.Equal(1 / m, r.N, 0.01 / m);
        foreach (var (s, rate) in r.Segments.Zip(Rates)) Assert.Equal(rate, s.StrainRate, rate * 0.01);
    }

    [Fact]
    public void IndentationStrainRateIsHalfTheLoadRate()
    {
        var test = SyntheticCurves.CsmJumps(20e9, 1e9, 0.05, 0.1, new[] { 0.05 }, new[] { 0.0 }, 1000e-9);
        double[] rate = StrainRateJump.LoadRate(test);
        Assert.All(rate.Skip(5).Take(rate.Length - 10), r => Assert.Equal(0.05, r, 1e-4));
    }

    [Theory]
    [InlineData(4.0)]
    [InlineData(1.5)]
    public void HoldCreepGivesTheStressExponent(double n)
    {
        double load = 50e-3, h0 = 2e-6, sigma = load / (HoldCreep.BerkovichConstant * h0 * h0);
        double a = 1e-3 / Math.Pow(sigma, n);
        var test = SyntheticCurves.Hold(load, h0, a, n, 100);
        var r = HoldCreep.Analyze(test, new IndentOptions(), 10, out string? why);
        Assert.True(r != null, why);
        Assert.Equal(n, r!.N, n * 0.01);
        Assert.All(r.Points, p => Assert.True(p.Time >= 10));
        var mid = r.Points[r.Points.Count / 2];
        Assert.Equal(a * Math.Pow(mid.Stress, n), mid.StrainRate, mid.StrainRate * 0.01);
    }

    [Fact]
    public void HoldWithoutPlateauIsExplained()
    {
        var test = SyntheticCurves.CsmJumps(20e9, 1e9, 0.05, 0.1, new[] { 0.05 }, new[] { 0.0 }, 1000e-9);
        Assert.Null(HoldCreep.Analyze(test, new IndentOptions(), 10, out string? why));
        Assert.Contains("hold", why);
    }
}
