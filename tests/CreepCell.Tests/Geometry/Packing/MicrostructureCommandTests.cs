using CreepCell.Cli;

namespace CreepCell.Tests.Geometry.Packing;

public class MicrostructureCommandTests
{
    const string Case = """
        [microstructure]
        side = "10 um"
        seed = 3
        [microstructure.phases.Se]
        fraction = 0.356
        mean_diameter = "2 um"
        cv = 0.25
        [microstructure.phases.MSe]
        fraction = 0.397
        mean_diameter = "1.5 um"
        cv = 0.25
        """;

    static int Run(params string[] args) =>
        (int)typeof(ExitCodes).Assembly.EntryPoint!.Invoke(null, new object[] { args })!;

    [Fact]
    public void Writes_the_drawing_and_exits_zero_for_a_good_case()
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-ms-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string toml = Path.Combine(dir, "case.toml"), svg = Path.Combine(dir, "rve.svg");
            File.WriteAllText(toml, Case);
            Assert.Equal(ExitCodes.Ok, Run("microstructure", toml, "--svg", svg));
            Assert.Contains("<polygon", File.ReadAllText(svg));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Bad_input_exits_two_and_writes_nothing()
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-ms-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string toml = Path.Combine(dir, "case.toml"), svg = Path.Combine(dir, "rve.svg");
            File.WriteAllText(toml, Case.Replace("cv = 0.25\n[microstructure.phases.MSe]", "cv = -1\n[microstructure.phases.MSe]"));
            Assert.Equal(ExitCodes.BadInput, Run("microstructure", toml, "--svg", svg));
            File.WriteAllText(toml, "[microstructure\nside = 1");
            Assert.Equal(ExitCodes.BadInput, Run("microstructure", toml, "--svg", svg));
            Assert.Equal(ExitCodes.BadInput, Run("microstructure", Path.Combine(dir, "missing.toml")));
            Assert.False(File.Exists(svg));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
