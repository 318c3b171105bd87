using CreepCell.Analysis.Energy;

namespace CreepCell.Tests.Analysis.Energy;

/// <summary>Energy density and composition against closed forms and the creep-type cathode paper's numbers.</summary>
public class EnergyDensityTests
{
    /// <summary>Se-60MSe: 40 wt.% Se, 60 wt.% Mo6Se8, densities from the built-in literature table.</summary>
    static Composition Se60MSe() => CompositionBuilder.Resolve("Se-60MSe",
        new[] { CompositionBuilder.ParseSpec("Se:40:active", "t", "c"), CompositionBuilder.ParseSpec("Mo6Se8:60 wt%", "t", "c") },
        DensitySources.BuiltIn, "t");

    [Fact]
    public void TrueDensityIsTheHarmonicMassAverage()
    {
        var c = Se60MSe();
        Assert.Equal(1 / (0.4 / 4810 + 0.6 / 6520), c.TrueDensity, 1e-9);
        Assert.Equal(1.0, c.Components.Sum(c.SolidVolumeFraction), 1e-12);
    }

    [Fact]
    public void VolumeFractionsAtThePaperPorosityAgreeWithThePaperRve()
    {
        // Paper: Se 35.6 vol.%, MSe 39.7 vol.%, porosity 24.7 vol.% for the Se-60MSe cathode.
        var r = EnergyDensity.Compute(new EnergyInputs(Se60MSe(), 1.4, ReferenceElectrode.InLi, new Packing(0.247, null)));
        Assert.Equal(35.6, r.Rows[0].ElectrodeVolumeFraction * 100, 0.2);
        Assert.Equal(39.7, r.Rows[1].ElectrodeVolumeFraction * 100, 0.2);
    }

    [Fact]
    public void WorkedExampleReproducesThePaperVolumetricEnergyDensity()
    {
        // 286 mAh/g per gram of cathode (the paper's 10 mg/cm2 cell), 1.4 V vs In-Li = 2.0 V vs Li,
        // 24.7 % porosity: 286 x 2.0 x 4.298 = 2459 Wh/L against the paper's 2460 Wh/L.
        var r = EnergyDensity.Compute(new EnergyInputs(Se60MSe(), 1.4, ReferenceElectrode.InLi, new Packing(0.247, null), 286 * 3600));
        Assert.Equal(2.0, r.MeanVoltageVsLi, 1e-12);
        Assert.Equal(572.0, r.GravimetricVsLi / 3600, 1e-9);
        Assert.Equal(2460, r.VolumetricVsLi / 3.6e6, 2460 * 1e-3);
        Assert.Equal(r.GravimetricVsLi * r.ElectrodeDensity, r.VolumetricVsLi, 1e-6);
        Assert.Equal(286 * 1.4, r.GravimetricVsReference / 3600, 1e-9);
    }

    [Fact]
    public void CapacityFromComponentsSumsActiveContributionsOnly()
    {
        var comp = CompositionBuilder.Resolve("x", new[]
        {
            new ComponentSpec("Se", 0.4, null, true, null),
            new ComponentSpec("Mo6Se8", 0.5, null, true, 100 * 3600),
            new ComponentSpec("C", 0.1, null, false, null),
        }, DensitySources.BuiltIn, "t");
        var r = EnergyDensity.Compute(new EnergyInputs(comp, 2.0, ReferenceElectrode.Li, new Packing(null, 3000)));
        Assert.Equal((0.4 * 675 + 0.5 * 100) * 3600, r.SpecificCapacity, 1e-6);
        Assert.Equal(1 - 3000 / comp.TrueDensity, r.Porosity, 1e-12);
        Assert.Equal(320 * 2.0 * 3.0, r.VolumetricVsLi / 3.6e6, 1e-9);
    }

    [Fact]
    public void CapacityPerGramOfSeBecomesPerGramOfCathode()
    {
        // The paper's 608.2 mAh/g of Se in a 40 wt.% Se cathode is 243.28 mAh per gram of cathode.
        Assert.Equal(243.28 * 3600, Se60MSe().PerCathodeMass(608.2 * 3600, "se"), 1e-6);
        Assert.Throws<ArgumentException>(() => Se60MSe().PerCathodeMass(1, "S"));
    }

    [Fact]
    public void ElectrodeDenserThanItsSolidIsRejected()
    {
        Assert.Throws<ArgumentException>(() => EnergyDensity.Pack(new Packing(null, 6000), 5708));
    }
}
