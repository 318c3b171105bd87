using CreepCell.Analysis.Energy;
using CreepCell.Materials.Database;
using CreepCell.Tests.Analysis;

namespace CreepCell.Tests.Analysis.Energy;

/// <summary>True densities looked up in the materials database when the user gives none.</summary>
public class DatabaseDensitiesTests
{
    [Theory]
    [InlineData("Se", "Se", 4810)]
    [InlineData("Mo6Se8", "Mo6Se8", 6520)]
    [InlineData("MSe", "Mo6Se8", 6520)]
    [InlineData("LPSC", "Li6PS5Cl", 1860)]
    [InlineData("Li2Se", "Li2Se", 2000)]
    public void DensityAndSourceTextComeFromTheDatabase(string asked, string key, double kgPerM3)
    {
        Assert.True(MaterialsDatabase.Default.TryGet(key, out var record));
        Assert.True(DensitySources.BuiltIn.TryGet(asked, out var d));
        Assert.Equal(key, d.Material);
        Assert.Equal(kgPerM3, d.KgPerM3, 1e-9);
        Assert.Equal(record.Density!.Value, d.KgPerM3);
        Assert.StartsWith($"materials database [{key}]: ", d.Source);
        Assert.EndsWith(record.Density.Source, d.Source);
    }

    [Fact]
    public void FallbackTableHoldsOnlyWhatTheDatabaseLacks()
    {
        foreach (var d in LiteratureDensities.All)
            Assert.False(DatabaseDensities.Default.TryGet(d.Material, out _), $"{d.Material} is also in the database");
        Assert.True(DensitySources.BuiltIn.TryGet("Super P", out var carbon));
        Assert.Equal(2260, carbon.KgPerM3, 1e-9);
        Assert.Contains("CRC", carbon.Source);
    }

    [Fact]
    public void ResolvedCompositionCarriesTheDatabaseSource()
    {
        var comp = CompositionBuilder.Resolve("x", new[] { new ComponentSpec("Se", 0.4, null, true, null), new ComponentSpec("Mo6Se8", 0.6, null, false, null) },
            DensitySources.BuiltIn, "t");
        Assert.Equal(4810, comp.Components[0].Density, 1e-9);
        Assert.Contains("CRC: selenium (gray)", comp.Components[0].DensitySource);
        Assert.Equal(6520, comp.Components[1].Density, 1e-9);
        Assert.Contains("materials database [Mo6Se8]", comp.Components[1].DensitySource);
    }

    [Fact]
    public void EnergyCommandShowsTheDatabaseSourceAndACommandLineDensityWins()
    {
        var (code, text, err) = CliRunner.Run("energy", "--component", "Se:40:active", "--component", "Mo6Se8:60",
            "--voltage", "1.4 V", "--capacity", "286 mAh/g", "--json");
        Assert.True(code == 0, err);
        Assert.Contains("materials database [Se]", text);
        Assert.Contains("materials database [Mo6Se8]", text);
        var (code2, text2, err2) = CliRunner.Run("energy", "--component", "Se:40:active", "--component", "Mo6Se8:60",
            "--voltage", "1.4 V", "--capacity", "286 mAh/g", "--density", "Se=4.28 g/cm3", "--json");
        Assert.True(code2 == 0, err2);
        Assert.Contains("command line --density", text2);
        Assert.DoesNotContain("materials database [Se]", text2);
    }
}
