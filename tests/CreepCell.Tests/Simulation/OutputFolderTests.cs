using CreepCell.Tests.Analysis;

namespace CreepCell.Tests.Simulation;

/// <summary>Every command that writes a folder refuses one that holds an earlier run's results
/// (exit code 2, nothing changed) unless --force is given.</summary>
public class OutputFolderTests
{
    static readonly string[] Pellet = { "pellet", "--component", "Se:40", "--component", "Mo6Se8:60", "--mass", "60 mg", "--diameter", "10 mm", "--press", "100 MPa=0.5 mm" };

    [Fact]
    public void PelletRefusesItsEarlierResultsAndForceReplacesThem()
    {
        string dir = Path.Combine(Directory.CreateTempSubdirectory("creepcell-pellet-").FullName, "out");
        Assert.Equal(0, CliRunner.Run(Pellet.Concat(new[] { "--out", dir }).ToArray()).Code);
        var csv = File.ReadAllBytes(Path.Combine(dir, "pellet.csv"));
        var (code, _, err) = CliRunner.Run(Pellet.Concat(new[] { "--out", dir }).ToArray());
        Assert.Equal(2, code);
        Assert.Contains("already holds results of an earlier `creepcell pellet` (pellet.csv, pellet.json, pellet.png, provenance.json)", err);
        Assert.Equal(0, CliRunner.Run(Pellet.Concat(new[] { "--out", dir, "--force" }).ToArray()).Code);
        Assert.Equal(csv, File.ReadAllBytes(Path.Combine(dir, "pellet.csv")));
    }

    [Fact]
    public void CyclingKeepsNoFileOfAnEarlierInputWhenForced()
    {
        string dir = Path.Combine(Directory.CreateTempSubdirectory("creepcell-cycling-").FullName, "out");
        Assert.Equal(0, CliRunner.Run("cycling", CreepCell.Tests.Analysis.Cycling.CyclingFixtures.NewareRecord, "--gitt", "--mass", "2.08 mg", "--molar-volume", "16.42 cm3/mol", "--molar-mass", "78.97 g/mol", "--diameter", "10 mm", "--out", dir).Code);
        Assert.True(File.Exists(Path.Combine(dir, "gitt.csv")));
        var (code, _, err) = CliRunner.Run("cycling", CreepCell.Tests.Analysis.Cycling.CyclingFixtures.NewareLayered, "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("already holds results of an earlier `creepcell cycling`", err);
        Assert.Equal(0, CliRunner.Run("cycling", CreepCell.Tests.Analysis.Cycling.CyclingFixtures.NewareLayered, "--out", dir, "--force").Code);
        Assert.False(File.Exists(Path.Combine(dir, "gitt.csv")), "the GITT table of the earlier input must not stay beside the new results");
        Assert.True(File.Exists(Path.Combine(dir, "cycles.csv")));
    }

    [Fact]
    public void StudyRefusesAFolderWithOtherFilesBeforeRunningAnything()
    {
        string dir = Directory.CreateTempSubdirectory("creepcell-study-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "se-60mse", "seed-2"));
        File.WriteAllText(Path.Combine(dir, "se-60mse", "seed-2", "history.csv"), "time_s\n0\n");
        var (code, _, err) = CliRunner.Run("study", "paper", "--out", dir, "--presets", "se-60mse", "--seeds", "1-2");
        Assert.Equal(2, code);
        Assert.Contains($"{dir} is not empty and holds no sweep", err);
        Assert.Equal(new[] { "se-60mse" }, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Single(Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Where(File.Exists));
    }
}
