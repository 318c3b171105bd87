using CreepCell.Io;
using CreepCell.Simulation;
using CreepCell.Sweeps;

namespace CreepCell.Tests.Sweeps;

/// <summary>base = [...]: a sweep whose points differ in their built-in case.</summary>
public class SweepBaseTests
{
    static SweepPlan Plan(string text) => SweepPlan.Expand(SweepSpec.Read("sweep.toml", text, Path.GetTempPath()));

    [Fact]
    public void EveryListedBaseIsAPointOfItsOwnWithTheSeedsInnermost()
    {
        var plan = Plan("""
            base = ["lco-mse", "se-60mse"]
            seeds = [4, 2]
            [set]
            "protocol.cycles" = 3
            """);
        Assert.Equal(new[] { "base", "microstructure.seed" }, plan.Parameters);
        Assert.Equal(new[] { 0, 0, 1, 1 }, plan.Runs.Select(r => r.Point));
        Assert.Equal(new[] { "\"lco-mse\" 4", "\"lco-mse\" 2", "\"se-60mse\" 4", "\"se-60mse\" 2" },
            plan.Runs.Select(r => string.Join(" ", r.Values.Select(v => v.Text))));
        // each run's case is its own preset with the edits: the LCO runs have LCO and no Se, and the other way round
        var lco = CaseReader.Read("run", plan.Runs[1].CaseText, Path.GetTempPath());
        var se = CaseReader.Read("run", plan.Runs[2].CaseText, Path.GetTempPath());
        Assert.True(lco.Materials.ContainsKey("LCO") && !lco.Materials.ContainsKey("Se"));
        Assert.True(se.Materials.ContainsKey("Se") && !se.Materials.ContainsKey("LCO"));
        Assert.Equal((3, 3), (lco.Protocol.GalvanostaticParameters!.Cycles, se.Protocol.GalvanostaticParameters!.Cycles));
        Assert.Equal((2UL, 4UL), (lco.Mesh.Microstructure!.Seed, se.Mesh.Microstructure!.Seed));
        // the base itself is no case key: it is not among the edits of the case
        Assert.DoesNotContain(lco.Overrides, o => o.Key == SweepSpec.BaseKey);
        // a preset read through the sweep is the preset: without edits its case text reads as the preset's
        var alone = Plan("base = [\"se-60mse\"]");
        var preset = CaseReader.Read("p", BuiltInCases.Text("se-60mse"), Path.GetTempPath());
        var swept = CaseReader.Read("p", alone.Runs.Single().CaseText, Path.GetTempPath());
        Assert.Equal(preset.Mesh.Microstructure!.Side, swept.Mesh.Microstructure!.Side);
        Assert.Equal(preset.Materials["Se"].Creep!.A, swept.Materials["Se"].Creep!.A);
    }

    [Theory]
    [InlineData("base = []", "empty")]
    [InlineData("base = [\"se-60mse\", \"nothing\"]", "no built-in case \"nothing\"")]
    [InlineData("base = [\"se-60mse\", \"se-60mse\"]", "listed twice")]
    [InlineData("base = [\"se-60mse\", 3]", "expected names of built-in cases")]
    [InlineData("base = [\"se-60mse\", \"default\"]\nseeds = [1]", "default\" has none")]
    public void BadBaseListsFailWithOneMessageNamingTheKey(string text, string expected)
    {
        var e = Assert.Throws<InputException>(() => Plan(text));
        Assert.Contains("sweep.toml", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
