using System.Text.Json;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

/// <summary>Possible but implausible values run, with a warning that summary.json keeps.</summary>
public class CaseWarningTests
{
    const string Creep = "swelling = 0.1\n[materials.SE.creep]\nA = 1e-4\nn = 2\nsigma_ref = \"10 MPa\"\nactivation_energy = \"50 kJ/mol\"\nreference_temperature = 70";

    [Fact]
    public void TemperaturesBelow150KelvinAreWarnedAboutAndRecordedInTheSummary()
    {
        string text = "temperature = 70\n" + BadInputTable.Replace(BadInputTable.Generated, "swelling = 0.1", Creep).Replace("\"1 h\", 1.0", "\"1 h\", 0.01");
        string dir = Directory.CreateTempSubdirectory("creepcell-warn-").FullName;
        var def = CaseReader.Read("case.toml", text, dir);
        Assert.Equal(2, def.Warnings.Count);
        Assert.Contains("temperature = 70 K is below 150 K; did you mean \"70 degC\"?", def.Warnings[0]);
        Assert.StartsWith("materials.SE.creep.reference_temperature = 70 K", def.Warnings[1]);
        new CaseRunner(def, Path.Combine(dir, "out")).Run();
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "summary.json")));
        var recorded = summary.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToArray();
        Assert.Equal(def.Warnings, recorded);
    }

    [Fact]
    public void ARoomTemperatureCaseHasNoWarning()
    {
        var def = CaseReader.Read("case.toml", "temperature = \"25 degC\"\n" + BadInputTable.Generated, Path.GetTempPath());
        Assert.Empty(def.Warnings);
    }
}
