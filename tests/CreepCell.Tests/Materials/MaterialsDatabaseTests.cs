using CreepCell.Materials;
using CreepCell.Analysis.CreepLaw;
using CreepCell.Materials.Database;
using CreepCell.Tests.Analysis.Indentation;

namespace CreepCell.Tests.Materials;

public class MaterialsDatabaseTests
{
    static readonly MaterialsDatabase Db = MaterialsDatabase.Default;
    const double T70 = 343.15;

    [Theory]
    [InlineData("Se", "Se")]
    [InlineData("selenium", "Se")]
    [InlineData("mo6se8", "Mo6Se8")]
    [InlineData("MSe", "Mo6Se8")]
    [InlineData("LCO", "LiCoO2")]
    [InlineData("LiCoO2", "LiCoO2")]
    [InlineData("lpsc", "Li6PS5Cl")]
    [InlineData("Li6PS5Cl", "Li6PS5Cl")]
    [InlineData("Li metal", "Li")]
    [InlineData("sodium", "Na")]
    public void NamesFormulasAndAliasesFindTheRecord(string name, string key)
    {
        Assert.True(Db.TryGet(name, out var r));
        Assert.Equal(key, r.Key);
    }

    [Fact]
    public void TheIssueListIsCompleteAndEveryValueHasASource()
    {
        foreach (var k in new[] { "Se", "Li2Se", "Te", "Sn", "S", "Li2S", "FeS", "LiCoO2", "Mo6Se8", "Li", "Na", "Li6PS5Cl" })
        {
            var r = Db.Get(k);
            Assert.NotNull(r.MeltingPoint);
            Assert.NotNull(r.Density);
            Assert.NotNull(r.YoungsModulus);
            Assert.NotNull(r.PoissonRatio);
            foreach (var p in new[] { r.MeltingPoint, r.Density, r.StatedCapacity, r.VolumeChange, r.YoungsModulus, r.PoissonRatio, r.ElectronicConductivity, r.IonicConductivity })
                if (p != null) Assert.False(string.IsNullOrWhiteSpace(p.Source));
        }
        Assert.False(Db.TryGet("unobtainium", out _));
        Assert.Throws<InputException>(() => Db.Get("unobtainium"));
    }

    [Fact]
    public void HomologousTemperatureReproducesThePaper()
    {
        Assert.Equal(0.69, Db.Get("Se").HomologousTemperature(T70)!.Value, 2);
        Assert.Equal(DeformationRegime.Creep, Db.Get("Se").Regime(T70));
        Assert.Equal(0.23, Db.Get("FeS").HomologousTemperature(T70)!.Value, 2);
        Assert.Equal(DeformationRegime.BrittleElastic, Db.Get("FeS").Regime(T70));
        Assert.Equal(DeformationRegime.BrittleElastic, Db.Get("LCO").Regime(T70));
    }

    [Fact]
    public void ValuesAreSiAndCapacitiesFollowFaradaysLaw()
    {
        var se = Db.Get("Se");
        Assert.Equal(4810, se.Density!.Value, 1e-9);
        Assert.Equal(494.15, se.MeltingPoint!.Value, 1e-9);
        Assert.Equal(10e9, se.YoungsModulus!.Value, 1e-3);
        Assert.Equal(675 * 3600, se.TheoreticalCapacity!.Value, 1e-6);
        // 2 F / M(Se) = 2 * 96485.332 / 0.078971 kg/mol = 678.8 mAh/g.
        Assert.Equal(2 * 96485.33212 / 0.078971 / 3600, se.ComputedCapacity!.Value / 3600, 6);
        Assert.Equal(0.98, se.VolumeChange!.Value);
        Assert.Equal(609.8, Db.Get("FeS").ComputedCapacity!.Value / 3600, 1);
        Assert.Equal(3861.9, Db.Get("Li").TheoreticalCapacity!.Value / 3600, 1);
        Assert.Equal(273.8, Db.Get("LCO").TheoreticalCapacity!.Value / 3600, 1);
        Assert.Null(Db.Get("LPSC").TheoreticalCapacity);
        Assert.True(ChemicalFormula.TryMolarMass("Li6PS5Cl", out double m));
        Assert.Equal((6 * 6.94 + 30.974 + 5 * 32.06 + 35.45) * 1e-3, m, 12);
        Assert.False(ChemicalFormula.TryMolarMass("Xx2", out _));
    }

    [Fact]
    public void UserFilesAreCheckedForSourcesAndUnits()
    {
        var ok = MaterialsDatabase.Parse("[X]\nformula = \"Sn\"\nmelting_point = { value = \"505 K\", source = \"assumed: test\" }\n", "x.toml");
        Assert.Equal(505, ok.Get("x").MeltingPoint!.Value);
        var e1 = Assert.Throws<InputException>(() => MaterialsDatabase.Parse("[X]\ndensity = \"4 g/cm^3\"\n", "x.toml"));
        Assert.Contains("X.density", e1.Message);
        var e2 = Assert.Throws<InputException>(() => MaterialsDatabase.Parse("[X]\ndensity = { value = \"4 GPa\", source = \"s\" }\n", "x.toml"));
        Assert.Contains("dimension", e2.Message);
    }

    [Fact]
    public void PowerLawCreepConvertsToNortonAndBack()
    {
        var law = new PowerLawCreep(1e12, 3.5, 4e9, 0.4e-9, 1e-6, 1, 60e3);
        double t = T70, s = 50e6;
        double expected = 1e12 * (0.4e-9 / 1e-6) * Math.Pow(s / 4e9, 3.5) * Math.Exp(-60e3 / (8.314462618 * t));
        Assert.Equal(expected, law.StrainRate(s, t), expected * 1e-12);
        var norton = law.ToNorton(100e6, t);
        Assert.Equal(law.StrainRate(s, t), norton.StrainRate(s), expected * 1e-9);
        var back = PowerLawCreep.FromNorton(norton, t, 4e9, 0.4e-9, 1e-6, 1, 60e3);
        Assert.Equal(1e12, back.Factor, 1e12 * 1e-9);
        Assert.Equal(norton.StrainRate(s), norton.WithReference(30e6).StrainRate(s), expected * 1e-9);
        var hot = norton.AtTemperature(t, t + 30, 60e3);
        Assert.Equal(law.StrainRate(s, t + 30), hot.StrainRate(s), expected * 1e-6);
    }

    [Fact]
    public void MaterialsCommandRunsAndRejectsUnknownNames()
    {
        string csv = Path.Combine(IndentFixtures.TempDir(), "m.csv");
        Assert.Equal(0, IndentFixtures.RunCli("materials", "--temperature", "70 degC", "--csv", csv));
        var se = File.ReadAllLines(csv).Single(l => l.StartsWith("Se,"));
        Assert.Contains(",Creep,", se);
        Assert.Equal(0, IndentFixtures.RunCli("materials", "--show", "lco"));
        Assert.Equal(2, IndentFixtures.RunCli("materials", "--show", "unobtainium"));
        Assert.Equal(2, IndentFixtures.RunCli("materials", "--temperature", "70 GPa"));
    }
}
