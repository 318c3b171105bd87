using CreepCell.Sweeps;
using CreepCell.Tests.Analysis;

namespace CreepCell.Tests.Sweeps;

public class SweepFileTests
{
    const string Example = """
        base = "default"
        [vary]
        "materials.SE.youngs_modulus" = ["10 GPa", "20 GPa"]
        "materials.SE.swelling" = [0.05, 0.0927]
        """;

    static SweepPlan Plan(string text) => SweepPlan.Expand(SweepSpec.Read("sweep.toml", text, Path.GetTempPath()));

    [Fact]
    public void TheExampleExpandsToTheFullGridFirstKeySlowest()
    {
        var plan = Plan(Example);
        Assert.Equal(4, plan.Runs.Count);
        Assert.Equal(new[] { "\"10 GPa\" 0.05", "\"10 GPa\" 0.0927", "\"20 GPa\" 0.05", "\"20 GPa\" 0.0927" },
            plan.Runs.Select(r => string.Join(" ", r.Values.Select(v => v.Text))));
        var third = CreepCell.Simulation.CaseReader.Read("run", plan.Runs[2].CaseText, Path.GetTempPath());
        Assert.Equal(20e9, third.Materials["SE"].YoungsModulus, 3);
        Assert.Equal(0.05, third.Materials["SE"].Swelling);
    }

    [Fact]
    public void ZipPairsTheListsAndSamplesStayInsideTheirRanges()
    {
        var zip = Plan(Example.Replace("[vary]", "[vary]\nmode = \"zip\""));
        Assert.Equal(2, zip.Runs.Count);
        Assert.Equal("\"20 GPa\" 0.0927", string.Join(" ", zip.Runs[1].Values.Select(v => v.Text)));

        var sampled = Plan("""
            base = "default"
            [sample]
            method = "sobol"
            count = 8
            [sample.ranges]
            "materials.SE.youngs_modulus" = { from = "5 GPa", to = "50 GPa", scale = "log" }
            "materials.SE.swelling" = { from = 0.02, to = 0.1 }
            """);
        Assert.Equal(8, sampled.Runs.Count);
        foreach (var run in sampled.Runs)
        {
            var def = CreepCell.Simulation.CaseReader.Read("run", run.CaseText, Path.GetTempPath());
            Assert.InRange(def.Materials["SE"].YoungsModulus, 5e9, 50e9);
            Assert.InRange(def.Materials["SE"].Swelling, 0.02, 0.1);
            Assert.EndsWith(" GPa\"", run.Values[0].Text);
        }
    }

    [Theory]
    [InlineData("\"materials.SE.youngs_modulus\" =", "\"materials.SE.youngs_modulu\" =", "materials.SE.youngs_modulu")]
    [InlineData("[0.05, 0.0927]", "[]", "empty")]
    [InlineData("[0.05, 0.0927]", "[0.05, 0.05]", "twice")]
    [InlineData("[0.05, 0.0927]", "[0.05, -3]", "materials.SE.swelling")]
    [InlineData("base = \"default\"", "base = \"nothing\"", "no built-in case")]
    [InlineData("base = \"default\"", "base = \"default\"\nseeds = [1, 2]", "[microstructure]")]
    [InlineData("[vary]", "[sample]\nmethod = \"lhs\"\ncount = 0\n[sample.ranges]\n\"materials.SE.poisson_ratio\" = { from = 0.2, to = 0.3 }\n[vary]", "sample count")]
    [InlineData("[vary]", "[sample]\ncount = 4\n[sample.ranges]\n\"materials.SE.youngs_modulus\" = { from = 5e9, to = 5e10 }\n[vary]", "no unit")]
    [InlineData("[vary]", "[sample]\ncount = 4\n[sample.ranges]\n\"materials.SE.youngs_modulus\" = { from = \"5 GPa\", to = 5e10 }\n[vary]", "same unit")]
    public void BadSweepFilesFailBeforeAnythingRunsWithOneMessage(string from, string to, string expected)
    {
        Assert.Contains(from, Example);
        var e = Assert.Throws<InputException>(() => Plan(Example.Replace(from, to)));
        Assert.Contains("sweep.toml", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void TheCommandLineRefusesABadFileAndAFolderOfAnotherSweepWithExitCodeTwo()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-sweepfile-").FullName;
        string bad = Path.Combine(dir, "bad.toml");
        File.WriteAllText(bad, Example.Replace("[0.05, 0.0927]", "[]"));
        var (code, _, err) = CliRunner.Run("sweep", bad, "--out", Path.Combine(dir, "bad-out"));
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(dir, "bad-out")));

        // a folder prepared for one sweep refuses another, and nothing in it changes
        string outDir = Path.Combine(dir, "out");
        SweepFolder.Prepare(Plan(Example), outDir, Example);
        string before = File.ReadAllText(Path.Combine(outDir, "sweep.json"));
        string other = Path.Combine(dir, "other.toml");
        File.WriteAllText(other, Example.Replace("20 GPa", "30 GPa"));
        (code, _, err) = CliRunner.Run("sweep", other, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("different sweep", err);
        Assert.Equal(before, File.ReadAllText(Path.Combine(outDir, "sweep.json")));
        Assert.Equal(Example, File.ReadAllText(Path.Combine(outDir, "sweep.toml")));
    }
}
