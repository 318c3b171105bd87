using CreepCell.Io;
using CreepCell.Simulation;
using CreepCell.Tests.Analysis;

namespace CreepCell.Tests.Sweeps;

public class CaseOverrideTests
{
    static CaseDefinition Default(params string[] sets) =>
        CaseReader.Read("built-in case \"default\"", BuiltInCases.Text("default"), Path.GetTempPath(), CaseOverrides.ParseAll(sets));

    [Fact]
    public void SetValuesAreReadWithTheUnitsOfTheFile()
    {
        var def = Default("materials.SE.youngs_modulus=20 GPa", "materials.SE.swelling=0.05", "temperature=\"50 degC\"", "mesh.inclusions[0].radius=3 um");
        Assert.Equal(20e9, def.Materials["SE"].YoungsModulus, 6);
        Assert.Equal(0.05, def.Materials["SE"].Swelling);
        Assert.Equal(323.15, def.Temperature, 9);
        Assert.Equal(3e-6, def.Mesh.Generated!.Inclusions[0].A, 15);
        // the untouched values stay as in the file
        Assert.Equal(100e9, def.Materials["MSE"].YoungsModulus, 6);
    }

    [Fact]
    public void TheEditedCaseReadsBackToTheSameDefinitionAndKeepsItsOverrides()
    {
        var def = Default("materials.SE.creep.A=1e-3 1/s", "materials.SE.creep.n=3", "materials.SE.creep.sigma_ref=10 MPa", "solver.max_lithiation_step=0.125");
        Assert.Equal(1e-3, def.Materials["SE"].Creep!.A, 15);
        var again = CaseReader.Read("again", def.Text, Path.GetTempPath());
        Assert.Equal(def.Materials["SE"].Creep, again.Materials["SE"].Creep);
        Assert.Equal(def.Materials["MSE"].YoungsModulus, again.Materials["MSE"].YoungsModulus);
        Assert.Equal(def.Protocol.Points, again.Protocol.Points);
        Assert.Equal(def.Solver, again.Solver);
        Assert.Equal(def.Mesh.Generated!.Inclusions, again.Mesh.Generated!.Inclusions);
        Assert.Equal(new[] { "materials.SE.creep.A", "materials.SE.creep.n", "materials.SE.creep.sigma_ref", "solver.max_lithiation_step" }, again.Overrides.Select(o => o.Key));
        Assert.Equal("1e-3 1/s", again.Overrides[0].Value);
        Assert.Equal(0.125, again.Overrides[3].Value);
    }

    [Theory]
    [InlineData("materials.SE.youngs_modulu=20 GPa", "materials.SE.youngs_modulu", "unknown key")]
    [InlineData("materials.SE.youngs_modulus=20 Gm", "materials.SE.youngs_modulus", "dimension")]
    [InlineData("materials.SE.poisson_ratio=0.5", "materials.SE.poisson_ratio", "(-1, 0.5)")]
    [InlineData("mesh.inclusions[3].radius=1 um", "mesh.inclusions[3].radius", "no table")]
    [InlineData("materials.SE=1", "materials.SE", "table")]
    [InlineData("youngs modulus=1", "--set", "not a case key")]
    public void BadSetValuesNameTheKeyAndTheOption(string set, string key, string expected)
    {
        var e = Assert.Throws<InputException>(() => Default(set));
        Assert.Contains(key, e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Contains("--set", e.Message);
    }

    [Fact]
    public void RunWithSetRecordsTheOverridesInTheSummaryAndRejectsBadOnesWithExitCodeTwo()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-set-").FullName;
        var (bad, _, err) = CliRunner.Run("run", "--out", Path.Combine(dir, "bad"), "--quiet", "--set", "materials.SE.swelling=-2");
        Assert.Equal(2, bad);
        Assert.Contains("materials.SE.swelling", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(dir, "bad")));

        var (code, _, _) = CliRunner.Run("run", "--out", Path.Combine(dir, "out"), "--quiet", "--set", "materials.SE.youngs_modulus=20 GPa",
            "--set", "mesh.element_size=\"2 um\"", "--set", "mesh.inclusion_element_size=1 um", "--set", "solver.max_lithiation_step=0.5");
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "summary.json")));
        var overrides = json.RootElement.GetProperty("overrides");
        Assert.Equal("20 GPa", overrides.GetProperty("materials.SE.youngs_modulus").GetString());
        Assert.Equal(0.5, overrides.GetProperty("solver.max_lithiation_step").GetDouble());
        var se = json.RootElement.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "SE");
        Assert.Equal(20e9, se.GetProperty("youngs_modulus_Pa").GetDouble(), 3);
    }
}
