namespace CreepCell.Tests.Analysis;

/// <summary>--help ends with an example and the exit codes; with stdout redirected a table goes to stderr
/// and stdout stays empty, while --json puts the results on stdout.</summary>
public class CliConventionTests
{
    [Theory]
    [InlineData("run", "creepcell run --preset se-60mse", ", 3 a simulation step did not converge")]
    [InlineData("indent", "creepcell indent", "1 no indent could be analysed")]
    [InlineData("report", "creepcell report out/se", "2 bad input")]
    public void HelpEndsWithAnExampleAndTheExitCodes(string command, string example, string exitCode)
    {
        var (code, stdout, err) = CliRunner.Run(command, "--help");
        Assert.True(code == 0, err);
        int usage = stdout.IndexOf("Usage:", StringComparison.Ordinal);
        int ex = stdout.IndexOf(example, StringComparison.Ordinal);
        int exits = stdout.IndexOf("Exit codes: 0 success", StringComparison.Ordinal);
        Assert.True(usage >= 0 && ex > usage && exits > ex, stdout);
        Assert.Contains(exitCode, stdout[exits..]);
    }

    [Fact]
    public void TableGoesToStderrWhenStdoutIsRedirected()
    {
        string[] args = { "energy", "--component", "Se:40:active", "--component", "Mo6Se8:60", "--voltage", "1.4 V", "--capacity", "286 mAh/g", "--porosity", "24.7%" };
        var (code, stdout, err) = CliRunner.Run(args);
        Assert.True(code == 0, err);
        Assert.Equal("", stdout.Trim());
        Assert.Contains("Wh/kg", err);
        var (code2, json, err2) = CliRunner.Run(args.Append("--json").ToArray());
        Assert.True(code2 == 0, err2);
        Assert.StartsWith("{", json.TrimStart());
    }
}
