using System.Text.Json;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>`creepcell cycling` end to end: files written on success, exit code 2 and nothing written on bad input.</summary>
public class CyclingCommandTests
{
    static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    [Fact]
    public void WritesCyclesCsvJsonAndPlots()
    {
        string dir = CyclingFixtures.TempDir();
        var (code, _, err) = CliRunner.Run("cycling", CyclingFixtures.NewareLayered, "--out", dir, "--cycles", "1,2,20", "--diameter", "10 mm");
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(Path.Combine(dir, "cycles.csv"));
        Assert.StartsWith("cycle,charge_mAh,discharge_mAh,coulombic_efficiency,charge_energy_mWh,discharge_energy_mWh", lines[0]);
        Assert.Equal(21, lines.Length);
        Assert.DoesNotContain("NaN", File.ReadAllText(Path.Combine(dir, "cycles.csv")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "cycles.json")));
        var c2 = json.RootElement.GetProperty("cycles")[1];
        Assert.Equal(331.72, c2.GetProperty("discharge_mAh").GetDouble(), 0.25);
        Assert.Equal(331.72 / (Math.PI * 0.25), c2.GetProperty("discharge_mAh_cm2").GetDouble(), 0.5);
        foreach (var png in new[] { "capacity.png", "voltage_profiles.png", "dqdv.png" })
            Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(dir, png)).Take(8).ToArray());
        Assert.True(File.ReadAllLines(Path.Combine(dir, "dqdv.csv")).Length > 50);
    }

    [Fact]
    public void MalformedFileExitsWithCodeTwoAndWritesNothing()
    {
        string dir = CyclingFixtures.TempDir();
        string bad = Path.Combine(dir, "bad.csv");
        File.WriteAllLines(bad, File.ReadAllLines(CyclingFixtures.NewareRecord).Take(50).Append("51,1,1,Rest,00:50:00"));
        string outDir = Path.Combine(dir, "out");
        var (code, _, err) = CliRunner.Run("cycling", bad, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("row 51", err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void GittWithoutMolarVolumeIsBadInput()
    {
        var (code, _, err) = CliRunner.Run("cycling", CyclingFixtures.NewareRecord, "--gitt", "--mass", "2 mg");
        Assert.Equal(2, code);
        Assert.Contains("--molar-volume", err);
    }
}
