using System.Globalization;
using CreepCell.Analysis.CreepLaw;
using CreepCell.Analysis.Energy;
using CreepCell.Analysis.Pores;
using CreepCell.Tests.Analysis.Cycling;
using CreepCell.Tests.Analysis.Indentation;
using CreepCell.Tests.Analysis.Pores;

namespace CreepCell.Tests.Analysis;

/// <summary>
/// The command lines that used to give a wrong answer with exit code 0: bare numbers read as SI, and
/// physically meaningless inputs. Each is refused with exit code 2 and one message naming the option.
/// </summary>
[Collection(ConsoleCaptureCollection.Name)]
public class CommandLineInputTests
{
    static readonly string[] Pellet = { "pellet", "--component", "Se:40:active", "--component", "Mo6Se8:60" };
    static readonly string[] Energy = { "energy", "--component", "Se:40:active", "--component", "Mo6Se8:60" };

    public static TheoryData<string[], string, string> Refused() => new()
    {
        // pellet --mass 60 --diameter 10 meant 60 kg in a 10 m die (porosity 99.95 %).
        { Pellet.Concat(new[] { "--mass", "60", "--diameter", "10 mm", "--press", "100 MPa=0.25 mm" }).ToArray(), "--mass", "has no unit" },
        { Pellet.Concat(new[] { "--mass", "60 mg", "--diameter", "10", "--press", "100 MPa=0.25 mm" }).ToArray(), "--diameter", "e.g. --diameter \"10 mm\"" },
        { Pellet.Concat(new[] { "--mass", "60 mg", "--diameter", "10 mm", "--press", "100 MPa=0.25" }).ToArray(), "--press", "has no unit" },
        { Pellet.Concat(new[] { "--mass", "60 mg", "--diameter", "10 mm", "--press", "-100 MPa=0.25 mm" }).ToArray(), "--press", "0 or more" },
        { Pellet.Concat(new[] { "--mass", "60 mg", "--diameter", "10 mm", "--press", "100 MPa=0.25 mm", "--press", "100 MPa=0.24 mm" }).ToArray(), "--press", "given twice" },
        { Pellet.Concat(new[] { "--mass", "60 mg", "--diameter", "10 mm", "--press", "100 MPa=0.20 mm", "--press", "360 MPa=0.25 mm" }).ToArray(), "--press", "thickness grows with pressure" },
        // cycling --mass 2.08 meant 2.08 kg (0.00245 mAh/g).
        { new[] { "cycling", CyclingFixtures.NewareRecord, "--mass", "2.08" }, "--mass", "has no unit" },
        { new[] { "cycling", CyclingFixtures.NewareRecord, "--theoretical", "Unobtainium" }, "--theoretical", "no theoretical capacity known" },
        { Energy.Concat(new[] { "--voltage", "-1.4 V" }).ToArray(), "--voltage", "positive" },
        { Energy.Concat(new[] { "--voltage", "1.4" }).ToArray(), "--voltage", "has no unit" },
        { Energy.Concat(new[] { "--voltage", "1.4 V", "--capacity", "-286 mAh/g" }).ToArray(), "--capacity", "positive" },
        { new[] { "energy", "--component", "Se:40:50", "--component", "Mo6Se8:60", "--voltage", "1.4 V" }, "--component", "mass percentage is given twice" },
        { new[] { "creep-law", "--activation-energy", "-50 kJ/mol" }, "--activation-energy", "positive" },
        { new[] { "creep-law", "--temperature", "343" }, "--temperature", "has no unit" },
        // f (sigma/G)^n overflows: A = "Infinity 1/s" was printed into a case table.
        { new[] { "creep-law", "--factor", "1e300 1/s", "--n", "10", "--shear-modulus", "1 kPa" }, "--factor", "not a positive finite number" },
        { new[] { "creep-law", "--material-name", "Se.creep] x" }, "--material-name", "TOML table name" },
        { new[] { "units", "-300 degC", "--as", "temperature" }, "quantity", "absolute zero" },
        { new[] { "materials", "--temperature", "343" }, "--temperature", "has no unit" },
        { new[] { "indent", IndentFixtures.Example, "--csm-window", "1800,200" }, "--csm-window", "FROM < TO" },
        { new[] { "indent", IndentFixtures.Example, "--frame-compliance", "-5 nm/mN" }, "--frame-compliance", "0 or more" },
        { new[] { "indent", IndentFixtures.Example, "--frame-compliance", "5" }, "--frame-compliance", "has no unit" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void NonsenseAndBareNumbersAreRefusedNamingTheOption(string[] args, string option, string why)
    {
        var (code, stdout, err) = InProcessCli.Run(args);
        Assert.True(code == 2, $"exit {code}: {err}");
        Assert.Contains(option, err);
        Assert.Contains(why, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Equal("", stdout);
    }

    [Fact]
    public void EmptyMaterialsFileIsRefused()
    {
        string path = Path.Combine(CyclingFixtures.TempDir(), "empty.csv");
        File.WriteAllText(path, "");
        var (code, _, err) = InProcessCli.Run("materials", "--file", path);
        Assert.Equal(2, code);
        Assert.Contains(path, err);
        Assert.Contains("no materials", err);
    }

    [Theory]
    [InlineData("10 GPa", "pressure", "10000000000 Pa")]
    [InlineData("4.81 g/cm^3", "density", "4810 kg/m^3")]
    [InlineData("70 degC", "temperature", "343.15 K")]
    [InlineData("50 kJ/mol", "molar-energy", "50000 J/mol")]
    public void UnitsPrintsTheSiUnitByNameWithoutRoundingNoise(string quantity, string kind, string expected)
    {
        var (code, stdout, err) = InProcessCli.Run("units", quantity, "--as", kind);
        Assert.True(code == 0, err);
        Assert.Equal(expected, stdout.Trim());
    }

    [Fact]
    public void CreepLawPrintsTheStrainRateOfEquationFourAsAValidTable()
    {
        var (code, stdout, err) = InProcessCli.Run("creep-law", "--material-name", "Se");
        Assert.True(code == 0, err);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("[materials.Se.creep]", lines[1]);
        // Defaults: f = 1e10 1/s, n = 3, G = 3.7 GPa, p = 0, Q = 50 kJ/mol, T = 343.15 K, sigma_ref = 100 MPa.
        double a = 1e10 * Math.Pow(100e6 / 3.7e9, 3) * Math.Exp(-50e3 / (PowerLawCreep.GasConstant * 343.15));
        string printed = lines[2].Split('"')[1].Split(' ')[0];
        Assert.Equal(a, double.Parse(printed, CultureInfo.InvariantCulture), a * 1e-5);
    }

    [Fact]
    public void TablesWrittenToAPipeArePlainCommaSeparatedLines()
    {
        var (code, stdout, err) = CliRunner.Run("materials");
        Assert.True(code == 0, err);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("# T = 343.15 K", lines[0]);
        Assert.Equal("material,Tm K,T/Tm,regime,rho g/cm3,Q mAh/g,dV/V,E GPa,v,σe S/cm,σi S/cm", lines[1]);
        Assert.DoesNotContain(lines, l => l.Contains('│'));
        var se = lines.Single(l => l.StartsWith("Se,"));
        Assert.Equal(11, se.Split(',').Length);
        Assert.Equal("494", se.Split(',')[1]);
    }

    [Fact]
    public void ComponentWithTwoPercentagesIsRefused()
    {
        var e = Assert.Throws<InputException>(() => CompositionBuilder.ParseSpec("Se:40:50", "command line", "--component"));
        Assert.Contains("given twice", e.Message);
    }

    [Fact]
    public void FixedThresholdOutsideTheGrayLevelsOfTheImageIsRefused()
    {
        var (img, _) = PoreTestImages.Disks(60, 40, (30, 20, 8));
        var e = Assert.Throws<ArgumentException>(() => Segmentation.Segment(img, new SegmentationOptions(Threshold: 300)));
        Assert.Contains("--threshold 300", e.Message);
        Assert.Throws<ArgumentException>(() => Segmentation.Segment(img, new SegmentationOptions(Threshold: -1)));
        Assert.InRange(Segmentation.Segment(img, new SegmentationOptions(Threshold: 100)).Porosity, 0.01, 0.5);
    }
}
