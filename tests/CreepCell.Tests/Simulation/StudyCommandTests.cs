namespace CreepCell.Tests.Simulation;

public class StudyCommandTests
{
    [Theory]
    [InlineData("--seeds", "3-1", "runs backwards")]
    [InlineData("--seeds", "x", "expected seeds")]
    [InlineData("--presets", "se-60mse,nothere", "unknown preset")]
    [InlineData("--remesh-angle", "30", "below 25")]
    [InlineData("--remesh-angle", "-1", "from 0")]
    public void BadOptionsStopBeforeAnyRunWithOneMessage(string option, string value, string message)
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-study-cli-" + Guid.NewGuid().ToString("N"));
        var (code, _, err) = CreepCell.Tests.Analysis.CliRunner.Run("study", "paper", "--out", dir, option, value);
        Assert.Equal(2, code);
        Assert.Contains(option, err);
        Assert.Contains(message, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(Directory.Exists(dir));
    }
}
