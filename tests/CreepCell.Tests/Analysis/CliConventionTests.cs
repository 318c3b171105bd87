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
    public void TableIsPlainCommaSeparatedTextWhenStdoutIsRedirected()
    {
        string[] args = { "energy", "--component", "Se:40:active", "--component", "Mo6Se8:60", "--voltage", "1.4 V", "--capacity", "286 mAh/g", "--porosity", "24.7%" };
        var (code, stdout, err) = CliRunner.Run(args);
        Assert.True(code == 0, err);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("quantity,value,unit,how", lines);
        Assert.Contains(lines, l => l.Contains(",Wh/kg,"));
        // No box drawing, and every row has the header's four fields (quoted where a cell holds a comma).
        Assert.DoesNotContain(stdout, ch => ch is '│' or '─' or '╭' or '┃');
        Assert.All(lines.SkipWhile(l => l != "quantity,value,unit,how"), l => Assert.Equal(4, Fields(l)));
        var (code2, json, err2) = CliRunner.Run(args.Append("--json").ToArray());
        Assert.True(code2 == 0, err2);
        Assert.StartsWith("{", json.TrimStart());
    }

    [Fact]
    public void PelletTableIsPlainTextWhenStdoutIsRedirected()
    {
        var (code, stdout, err) = CliRunner.Run("pellet", "--component", "Se:40", "--component", "Mo6Se8:60", "--mass", "60 mg", "--diameter", "10 mm", "--press", "360 MPa=0.18 mm");
        Assert.True(code == 0, err);
        Assert.Contains("quantity,value,unit,how", stdout);
        Assert.DoesNotContain(stdout, ch => ch is '│' or '─' or '╭');
    }

    [Theory]
    [InlineData("0.6")]
    [InlineData("-0.5")]
    public void EnergyReferenceAsABareNumberIsRefusedNamingTheOption(string value)
    {
        var (code, stdout, err) = CliRunner.Run("energy", "--component", "Se:40:active", "--component", "Mo6Se8:60", "--voltage", "1.4 V", "--reference", value);
        Assert.Equal(2, code);
        Assert.Contains("--reference", err);
        Assert.Contains("\"0.6 V\"", err);
        Assert.Equal("", stdout.Trim());
    }

    /// <summary>Fields of one CSV line, honouring double quotes.</summary>
    static int Fields(string line)
    {
        int n = 1;
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) n++;
        }
        return n;
    }
}
