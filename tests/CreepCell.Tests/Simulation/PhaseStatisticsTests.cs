using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

/// <summary>The area-weighted 99th percentile of von Mises: the stress exceeded on 1 % of the area.</summary>
public class PhaseStatisticsTests
{
    [Fact]
    public void EqualAreasGiveTheOrdinaryPercentile()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();
        var areas = Enumerable.Repeat(2.5, 100).ToArray();
        Assert.Equal(99, PhaseStatistics.AreaQuantile(values, areas, 0.99));
        Assert.Equal(50, PhaseStatistics.AreaQuantile(values, areas, 0.5));
    }

    [Fact]
    public void AreasWeighTheValues()
    {
        // 0.5 % of the area at 3, 1.5 % at 2, the rest at 1: 1 % of the area lies above 2, not above 1
        Assert.Equal(2, PhaseStatistics.AreaQuantile(new[] { 1.0, 3.0, 2.0 }, new[] { 0.98, 0.005, 0.015 }, 0.99));
        // a tiny singular corner does not move it
        Assert.Equal(1, PhaseStatistics.AreaQuantile(new[] { 1.0, 1e12 }, new[] { 0.999, 0.001 }, 0.99));
    }

    [Fact]
    public void NoAreaGivesZero() => Assert.Equal(0, PhaseStatistics.AreaQuantile(Array.Empty<double>(), Array.Empty<double>(), 0.99));
}
