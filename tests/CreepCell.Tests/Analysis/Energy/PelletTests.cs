using System.Text.Json;
using CreepCell.Analysis.Energy;

namespace CreepCell.Tests.Analysis.Energy;

/// <summary>Pellet density and porosity: closed forms, round trip and the command line.</summary>
public class PelletTests
{
    static Composition Se60MSe() => CompositionBuilder.Resolve("Se-60MSe",
        new[] { new ComponentSpec("Se", 0.4, 4810, true, null), new ComponentSpec("Mo6Se8", 0.6, 6520, true, 100 * 3600) }, DensitySources.BuiltIn, "t");

    [Fact]
    public void DensityIsMassOverCylinderVolume()
    {
        var s = Pellet.Compute(Se60MSe(), 60e-6, 10e-3, new[] { new Pressing(100e6, 0.25e-3) })[0];
        double rho = 60e-6 / (Math.PI * 0.25 * 1e-4 * 0.25e-3);
        Assert.Equal(rho, s.Density, 1e-9);
        Assert.Equal(1 - rho / Se60MSe().TrueDensity, s.Porosity, 1e-12);
    }

    [Fact]
    public void ThicknessAtAPorosityRoundTrips()
    {
        var comp = Se60MSe();
        double[] phis = { 0.40, 0.32, 0.247 };
        var press = phis.Select((p, i) => new Pressing(new[] { 100e6, 270e6, 360e6 }[i], Pellet.ThicknessAt(comp, 60e-6, 10e-3, p))).ToList();
        var states = Pellet.Compute(comp, 60e-6, 10e-3, press);
        for (int i = 0; i < phis.Length; i++) Assert.Equal(phis[i], states[i].Porosity, 1e-12);
    }

    [Fact]
    public void PelletDenserThanItsSolidIsRejected()
    {
        Assert.Throws<ArgumentException>(() => Pellet.Compute(Se60MSe(), 60e-6, 10e-3, new[] { new Pressing(360e6, 0.1e-3) }));
    }

    [Fact]
    public void CommandWritesTablePlotAndJson()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"pellet-{Guid.NewGuid():N}");
        var (code, stdout, err) = CliRunner.Run("pellet", "--component", "Se:40:active", "--component", "Mo6Se8:60", "--mass", "60 mg",
            "--diameter", "10 mm", "--press", "360 MPa=0.18 mm", "--press", "100 MPa=0.25 mm", "--out", dir, "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(stdout);
        var first = doc.RootElement.GetProperty("pressings")[0];
        Assert.Equal(100, first.GetProperty("pressure_MPa").GetDouble());
        Assert.Equal(60 / (Math.PI * 25 * 0.25), first.GetProperty("density_g_cm3").GetDouble(), 1e-9);
        Assert.True(new FileInfo(Path.Combine(dir, "pellet.png")).Length > 1000);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(dir, "pellet.csv")).Length);
    }

    [Fact]
    public void MoldHeightIsSubtractedFromTheReadings()
    {
        var (code, stdout, err) = CliRunner.Run("pellet", "--component", "Se:40", "--component", "Mo6Se8:60", "--mass", "60 mg",
            "--diameter", "10 mm", "--mold-height", "12 mm", "--press", "100 MPa=12.25 mm", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(0.25, doc.RootElement.GetProperty("pressings")[0].GetProperty("thickness_mm").GetDouble(), 1e-9);
    }

    [Fact]
    public void ImpossibleThicknessIsBadInputAndWritesNothing()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"pellet-{Guid.NewGuid():N}");
        var (code, _, err) = CliRunner.Run("pellet", "--component", "Se:40", "--component", "Mo6Se8:60", "--mass", "60 mg",
            "--diameter", "10 mm", "--press", "360 MPa=0.1 mm", "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("exceeds the pore-free density", err);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void EnergyCommandPrintsTheWorkedExample()
    {
        var (code, stdout, err) = CliRunner.Run("energy", "--component", "Se:40:active", "--component", "Mo6Se8:60", "--porosity", "24.7%",
            "--voltage", "1.4 V", "--reference", "In-Li", "--capacity", "286 mAh/g", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(stdout);
        var line = doc.RootElement.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("quantity").GetString() == "volumetric energy density vs Li/Li+");
        Assert.Equal(2460, line.GetProperty("value").GetDouble(), 2.5);
    }
}
