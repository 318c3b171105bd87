using System.Globalization;

namespace CreepCell.Tests.Analysis.PowderConductivity;

/// <summary>The `creepcell conductivity` command end to end, and bad input that exits 2 and writes nothing.</summary>
public class ConductivityCommandTests
{
    static string Write(string text)
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-cond-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string p = Path.Combine(dir, "powder.csv");
        File.WriteAllText(p, text);
        return p;
    }

    [Fact]
    public void MixturesGiveConductivityTablePlotsAndPercolationFit()
    {
        var rows = new List<string> { "powder,fraction,load [kN],thickness [mm],resistance [mohm],mass [mg],true_density [g/cm3]" };
        foreach (var phi in new[] { 0.2, 0.3, 0.4, 0.5, 0.6 })
            foreach (var (kn, t) in new[] { (3, 3.2), (9, 3.0), (18, 2.8) })
            {
                double sigma = 1e4 * Math.Pow(phi - 0.16, 2.0) * Math.Pow(kn / 18.0, 0.5); // S/m
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"mix{phi},{phi},{kn},{t},{1e3 / (sigma * t * 1e-3 * 4.532):R},900,5.0"));
            }
        string path = Write(string.Join("\n", rows));
        string dir = Path.Combine(Path.GetDirectoryName(path)!, "out");
        var (code, _, err) = CliRunner.Run("conductivity", path, "--diameter", "20 mm", "--rcf", "4.532", "--out", dir);
        Assert.True(code == 0, err);
        foreach (var f in new[] { "conductivity.csv", "conductivity.json", "conductivity_vs_pressure.png", "conductivity_vs_relative_density.png", "percolation.png" })
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        string json = File.ReadAllText(Path.Combine(dir, "conductivity.json"));
        Assert.DoesNotContain("NaN", json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var perc = doc.RootElement.GetProperty("percolation");
        Assert.Equal(0.16, perc.GetProperty("phi_c").GetDouble(), 1e-5);
        Assert.Equal(2.0, perc.GetProperty("t").GetDouble(), 1e-4);
        Assert.Equal(57.2958, perc.GetProperty("pressure_MPa").GetDouble(), 1e-3);
        Assert.Equal(0.5, doc.RootElement.GetProperty("powders")[0].GetProperty("log_log_slope").GetDouble(), 1e-9);
    }

    static void AssertBadInput(string csv, string expected, params string[] extra)
    {
        string path = Write(csv);
        string outDir = Path.Combine(Path.GetDirectoryName(path)!, "out");
        var (code, stdout, err) = CliRunner.Run(new[] { "conductivity", path, "--rcf", "4.532", "--out", outDir }.Concat(extra).ToArray());
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.Contains("powder.csv", err + string.Join(" ", extra));
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(Directory.Exists(outDir));
        Assert.Equal("", stdout);
    }

    [Fact]
    public void EmptyFile() => AssertBadInput("", "empty");

    [Fact]
    public void NegativeResistance() =>
        AssertBadInput("pressure [MPa],thickness [mm],resistance [ohm]\n10,3,0.1\n20,2.9,-0.05\n", "line 3");

    [Fact]
    public void ThicknessGrowingWithPressure() =>
        AssertBadInput("pressure [MPa],thickness [mm],resistance [ohm]\n10,3,0.1\n20,3.2,0.05\n", "grows with pressure");

    [Fact]
    public void MissingResistanceColumn() =>
        AssertBadInput("pressure [MPa],thickness [mm]\n10,3\n", "no resistance or sheet_resistance column");

    [Fact]
    public void ColumnWithoutUnit() =>
        AssertBadInput("pressure,thickness [mm],resistance [ohm]\n10,3,0.1\n", "has no unit");

    [Fact]
    public void TruncatedRow() =>
        AssertBadInput("pressure [MPa],thickness [mm],resistance [ohm]\n10,3,0.1\n20,2.9\n", "truncated");
}
