using CreepCell.Analysis.Energy;

namespace CreepCell.Tests.Analysis.Energy;

/// <summary>Component specifications, density sources and the TOML composition file.</summary>
public class CompositionTests
{
    [Fact]
    public void SpecFieldsAreRecognisedByTheirForm()
    {
        var s = CompositionBuilder.ParseSpec("Se:675 mAh/g:4.81 g/cm3:40 wt%", "cli", "--component");
        Assert.Equal(("Se", true), (s.Name, s.Active));
        Assert.Equal(0.4, s.MassFraction, 1e-12);
        Assert.Equal(4810.0, s.Density!.Value, 1e-9);
        Assert.Equal(675 * 3600.0, s.Capacity!.Value, 1e-6);
        var inert = CompositionBuilder.ParseSpec("C:10%:inert", "cli", "--component");
        Assert.False(inert.Active);
        Assert.Null(inert.Density);
    }

    [Fact]
    public void GivenDensityWinsOverTheLiteratureValueAndItsSourceIsKept()
    {
        var given = new GivenDensities();
        given.Add(new MaterialDensity("Se", 4280, "amorphous Se, my measurement"));
        var comp = CompositionBuilder.Resolve("x", new[] { new ComponentSpec("Se", 1, null, true, null) },
            DensitySources.Chain(given, DensitySources.BuiltIn), "t");
        Assert.Equal(4280, comp.Components[0].Density);
        Assert.Equal("amorphous Se, my measurement", comp.Components[0].DensitySource);
        Assert.True(DensitySources.BuiltIn.TryGet("MSe", out var mse));
        Assert.Equal(6520, mse.KgPerM3, 1e-9);
        Assert.All(LiteratureDensities.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Source)));
    }

    [Fact]
    public void FractionsNotSummingToOneHundredAreRejected()
    {
        var e = Assert.Throws<InputException>(() => CompositionBuilder.Resolve("x",
            new[] { new ComponentSpec("Se", 0.4, null, true, null), new ComponentSpec("Mo6Se8", 0.5, null, false, null) }, DensitySources.BuiltIn, "f.toml"));
        Assert.Contains("90", e.Message);
    }

    [Fact]
    public void UnknownMaterialWithoutDensityNamesTheComponent()
    {
        var e = Assert.Throws<InputException>(() => CompositionBuilder.Resolve("x",
            new[] { new ComponentSpec("Unobtainium", 1, null, false, null) }, DensitySources.BuiltIn, "f.toml"));
        Assert.Contains("Unobtainium", e.Message);
    }

    [Fact]
    public void TomlFileCarriesComponentsEnergyAndPelletInputs()
    {
        string path = Path.Combine(Path.GetTempPath(), $"comp-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, """
            name = "Se-60MSe"
            [[component]]
            name = "Se"
            wt_percent = 40
            density = "4.81 g/cm3"
            active = true
            [[component]]
            name = "Mo6Se8"
            wt_percent = 60
            density = 6.52
            [energy]
            mean_voltage = "1.4 V"
            reference = "In-Li"
            porosity = 0.247
            [pellet]
            mass = "60 mg"
            diameter = "10 mm"
            pressings = [ { pressure = "100 MPa", thickness = "0.25 mm" }, { pressure = 360, thickness = 0.18 } ]
            """);
        var c = CompositionFile.Read(path);
        Assert.Equal("Se-60MSe", c.Name);
        Assert.Equal(6520, c.Components[1].Density!.Value, 1e-9);
        Assert.Equal(0.6, c.Reference!.VoltsVsLi);
        Assert.Equal(0.247, c.Packing!.Porosity!.Value);
        Assert.Equal(60e-6, c.PelletMass!.Value, 1e-15);
        Assert.Equal(360e6, c.Pressings[1].Pressure, 1e-3);
        Assert.Equal(0.18e-3, c.Pressings[1].Thickness, 1e-15);
    }

    [Fact]
    public void TomlErrorNamesTheKey()
    {
        string path = Path.Combine(Path.GetTempPath(), $"comp-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, "[[component]]\nname = \"Se\"\nwt_percent = 100\ndensity = \"4.81 GPa\"\n");
        var e = Assert.Throws<InputException>(() => CompositionFile.Read(path));
        Assert.Contains("component[1].density", e.Message);
    }
}
