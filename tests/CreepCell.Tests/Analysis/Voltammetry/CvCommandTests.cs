using System.Text.Json;

namespace CreepCell.Tests.Analysis.Voltammetry;

/// <summary>The `creepcell cv` command: a real scan-rate series end to end, and bad input that exits 2 and writes nothing.</summary>
public class CvCommandTests
{
    static readonly string[] Series = { "dfca_25mVs.DTA", "dfca_500mVs.DTA" };

    [Fact]
    public void ScanRateSeriesWritesTablesPlotsAndFits()
    {
        string dir = Path.Combine(SyntheticCv.TempDir(), "out");
        var args = new List<string> { "cv" };
        args.AddRange(Series.Select(SyntheticCv.Fixture));
        args.AddRange(new[] { "--out", dir, "--area", "0.0707 cm2", "--concentration", "20 mmol/L", "--electrons", "1" });
        var (code, _, err) = CliRunner.Run(args.ToArray());
        Assert.True(code == 0, err);
        foreach (var f in new[] { "peaks.csv", "cycles.csv", "cv.json", "scan_rates.csv", "dunn.csv", "voltammograms.png", "peak_vs_sqrt_rate.png", "log_ip_log_v.png", "dunn_split_25mVs.png" })
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        foreach (var f in Directory.GetFiles(dir, "*.csv").Append(Path.Combine(dir, "cv.json")))
            Assert.DoesNotContain("NaN", File.ReadAllText(f));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "cv.json")));
        var s = json.RootElement.GetProperty("scan_rate_series");
        Assert.Equal(0.0707, s.GetProperty("area_cm2").GetDouble(), 12);
        Assert.Equal(0.02, s.GetProperty("concentration_mol_L").GetDouble(), 12);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(dir, "scan_rates.csv")).Length - 1);
    }

    static void AssertBadInput(string expected, params string[] args)
    {
        string outDir = Path.Combine(SyntheticCv.TempDir(), "out");
        var (code, stdout, err) = CliRunner.Run(args.Concat(new[] { "--out", outDir }).ToArray());
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(Directory.Exists(outDir));
        Assert.Equal("", stdout);
    }

    static string Chi(string name, Func<string, string> edit)
    {
        var (e, _) = SyntheticCv.Path();
        return SyntheticCv.Write(SyntheticCv.TempDir(), name, edit(SyntheticCv.Chi(e, SyntheticCv.Adsorbed(1, 0.05, 1e-5, 1e-6), 0.05)));
    }

    [Fact]
    public void EmptyFile() => AssertBadInput("empty", "cv", SyntheticCv.Write(SyntheticCv.TempDir(), "empty.txt", ""));

    [Fact]
    public void TruncatedChiLine()
    {
        string path = Chi("cut.txt", t => t[..(t.Length - 12)]);
        AssertBadInput("truncated", "cv", path);
    }

    [Fact]
    public void TruncatedGamryRow()
    {
        var lines = File.ReadAllLines(SyntheticCv.Fixture("dfca_50mVs.DTA")).Take(900).ToList();
        lines[^1] = lines[^1][..20];
        string path = SyntheticCv.Write(SyntheticCv.TempDir(), "cut.DTA", string.Join("\r\n", lines));
        AssertBadInput("line 900", "cv", path);
    }

    [Fact]
    public void ChiScanRateWithoutUnit() => AssertBadInput("no unit", "cv", Chi("rate.txt", t => t.Replace("Scan Rate (V/s)", "Scan Rate")));

    [Fact]
    public void ScanRateOptionWithoutUnit()
    {
        string csv = SyntheticCv.Write(SyntheticCv.TempDir(), "cv.csv", "Potential/V,Current/A\n" + string.Join("\n", Enumerable.Range(0, 40).Select(k => $"{(k < 20 ? k : 40 - k) * 0.01},{k}e-6")));
        AssertBadInput("--scan-rate", "cv", csv, "--scan-rate", "50");
    }

    [Fact]
    public void CsvWithoutScanRateAsksForIt()
    {
        string csv = SyntheticCv.Write(SyntheticCv.TempDir(), "cv.csv", "Potential/V,Current/A\n" + string.Join("\n", Enumerable.Range(0, 40).Select(k => $"{(k < 20 ? k : 40 - k) * 0.01},{k}e-6")));
        AssertBadInput("--scan-rate", "cv", csv);
    }

    [Fact]
    public void CsvWithoutCurrentColumn()
    {
        string csv = SyntheticCv.Write(SyntheticCv.TempDir(), "cv.csv", "Potential/V,Charge/C\n" + string.Join("\n", Enumerable.Range(0, 40).Select(k => $"{k * 0.01},{k}e-6")));
        AssertBadInput("--column", "cv", csv, "--scan-rate", "50 mV/s");
    }

    [Fact]
    public void ConcentrationWithoutUnit() =>
        AssertBadInput("--concentration", "cv", SyntheticCv.Fixture("dfca_25mVs.DTA"), "--concentration", "20");
}
