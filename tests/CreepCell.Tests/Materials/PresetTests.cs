using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Tests.Materials;

/// <summary>The built-in presets (Data/cases/*.toml) read through the case reader,
/// and the Se creep constants agree with their derivation in docs/presets.md.</summary>
public class PresetTests
{
    static CaseDefinition Read(string preset, string active) => CaseReader.Read(preset, BuiltInCases.Text(preset), Path.GetTempPath());

    [Theory]
    [InlineData("se-60mse", "Se", 0.98)]
    [InlineData("lco-mse", "LCO", 0.02)]
    [InlineData("fes-60mse", "FeS", 1.00)]
    public void PresetsReadWithTheirVolumeChangesAt70DegCAndThePapersProtocol(string preset, string active, double swelling)
    {
        var c = Read(preset, active);
        Assert.Equal(343.15, c.Temperature, 9);
        Assert.Equal(swelling, c.Materials[active].Swelling, 12);
        Assert.Equal(0, c.Materials["MSe"].Swelling);
        Assert.Equal(active == "Se", c.Materials[active].Creep is not null);
        Assert.Null(c.Materials["MSe"].Creep);
        Assert.Equal(20, c.Protocol.CycleCount);
        Assert.Equal(0.356, c.Mesh.Microstructure!.Phases.First(p => p.Name == active).Fraction, 12);
        // 0.1 C: a full lithiation lasts 10 h; the first one runs to theta_full (Se: the paper's 76.8 % utilization)
        double full = active == "Se" ? 0.768 : 1.0;
        Assert.Equal(full, c.Protocol.ThetaAt(c.Protocol.Segments[0].End), 12);
        Assert.Equal(36000 * full, c.Protocol.Segments[0].End, 1e-6);
    }

    [Fact]
    public void SeleniumCreepRateFollowsFromTheIndentationEstimate()
    {
        var creep = Read("se-60mse", "Se").Materials["Se"].Creep!;
        // uniaxial rate = 0.09 x indentation rate (Poisl, Oliver and Fabes 1995, on Se)
        const double hardness = 0.736e9, indentationRate = 0.09 * 0.05, roomTemperature = 298.15, melting = 494.15;
        double q = 18 * CreepCell.Materials.CreepLaw.GasConstant * melting;
        Assert.Equal(q, creep.ActivationEnergy, q * 0.01);
        double atRoomTemperature = indentationRate * Math.Pow(creep.SigmaRef / (hardness / 3), creep.N);
        // the preset gives A at 70 degC; the Arrhenius factor takes it back to 25 degC
        Assert.Equal(atRoomTemperature, creep.RateAt(roomTemperature), atRoomTemperature * 0.01);
        // steady state under the mean volumetric strain rate of a 0.1 C lithiation lands near 0.1 GPa
        double rate = Math.Log(1.98) / 36000;
        double stress = creep.SigmaRef * Math.Pow(rate / creep.RateAt(343.15), 1 / creep.N);
        Assert.InRange(stress, 20e6, 200e6);
    }
}
