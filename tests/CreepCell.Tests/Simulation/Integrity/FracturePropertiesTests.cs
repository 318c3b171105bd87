using CreepCell.Io;
using CreepCell.Materials.Database;
using CreepCell.Simulation.Integrity;

namespace CreepCell.Tests.Simulation.Integrity;

public class FracturePropertiesTests
{
    [Theory]
    [InlineData("LCO", 500e6, 10, 1e6)]
    [InlineData("FeS", 300e6, 10, 1e6)]
    [InlineData("MSe", 300e6, 10, 1e6)]
    [InlineData("SE", 100e6, 5, 0.2e6)]
    [InlineData("Li2Se", 150e6, 10, 0.5e6)]
    public void PhasesFindTheirDatabaseValuesInSi(string phase, double strength, double modulus, double toughness)
    {
        var p = FractureProperties.ForPhase(phase)!;
        Assert.Equal(strength, p.Weibull.Strength, 1e-6 * strength);
        Assert.Equal(modulus, p.Weibull.Modulus);
        Assert.Equal(1e-12, p.Weibull.ReferenceArea, 1e-24);
        Assert.Equal(toughness, p.Toughness, 1e-6 * toughness);
    }

    [Fact]
    public void EveryFracturePropertyHasASourceAndUnknownPhasesHaveNone()
    {
        foreach (var r in MaterialsDatabase.Default.All)
            foreach (var p in new[] { r.WeibullStrength, r.WeibullModulus, r.WeibullArea, r.FractureToughness })
                if (p is not null) Assert.False(string.IsNullOrWhiteSpace(p.Source), r.Key);
        Assert.Null(FractureProperties.ForPhase("Unobtainium"));
        Assert.Null(FractureProperties.ForPhase("Li6PS5Cl"));
    }

    [Fact]
    public void NonPositiveWeibullModulusIsRefusedNamingTheKey()
    {
        const string text = """
            [X]
            weibull_modulus = { value = 0, source = "assumed" }
            """;
        var e = Assert.Throws<InputException>(() => MaterialsDatabase.Parse(text, "my.toml"));
        Assert.Contains("X.weibull_modulus", e.Message);
    }
}
