using CreepCell.Analysis.PowderConductivity;

namespace CreepCell.Tests.Analysis.PowderConductivity;

/// <summary>Four-probe correction factors against the tables of Smits (Bell Syst. Tech. J. 37 (1958) 711).</summary>
public class FourProbeTests
{
    [Theory]
    [InlineData(3, 2.2662)]
    [InlineData(5, 3.3625)]
    [InlineData(10, 4.1712)]
    [InlineData(20, 4.4364)]
    [InlineData(7.5, 3.9273)]
    public void CircularDiscFactorMatchesSmits(double diameterOverSpacing, double smits) =>
        Assert.Equal(smits, FourProbe.DiskFactor(diameterOverSpacing), 2e-4);

    [Theory]
    [InlineData(0.5, 0.9974)]
    [InlineData(1.0, 0.9214)]
    [InlineData(2.0, 0.6336)]
    public void ThicknessFactorOnAnInsulatingFaceMatchesSmits(double thicknessOverSpacing, double smits) =>
        Assert.Equal(smits, FourProbe.ThicknessFactor(thicknessOverSpacing), 2e-4);

    [Fact]
    public void LimitsAreTheThinInfiniteSheetAndTheSemiInfiniteSolid()
    {
        Assert.Equal(Math.PI / Math.Log(2), FourProbe.DiskFactor(1e4), 1e-6);
        Assert.Equal(1.0, FourProbe.ThicknessFactor(0.05), 12);
        // A thick slab tends to rho = 2 pi s V/I, i.e. F -> 2 ln 2 s / t.
        Assert.Equal(2 * Math.Log(2) / 20, FourProbe.ThicknessFactor(20), 1e-4);
    }

    [Fact]
    public void DiscNarrowerThanTheProbeIsRejected() => Assert.Throws<ArgumentException>(() => FourProbe.DiskFactor(1.5));
}
