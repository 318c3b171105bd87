using System.Globalization;
using CreepCell.Analysis.Indentation;
using Tomlyn;
using Tomlyn.Model;

namespace CreepCell.Tests.Analysis.Indentation;

public class BadInputAndCliTests
{
    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".xls")]
    public void TruncatedWorkbookGivesOneClearError(string ext)
    {
        string dir = IndentFixtures.TempDir();
        string path = Path.Combine(dir, "cut" + ext);
        var bytes = File.ReadAllBytes(ext == ".xls" ? IndentFixtures.Example : IndentFixtures.Tungsten);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InputException>(() => G200Reader.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("cannot read the workbook", e.Message);
        Assert.Equal(2, IndentFixtures.RunCli("indent", path, "--out", Path.Combine(dir, "out")));
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public void CsvWithoutDepthColumnNamesTheExpectedColumn()
    {
        string path = Path.Combine(IndentFixtures.TempDir(), "bad.csv");
        File.WriteAllText(path, "time,load\n0,1\n");
        var e = Assert.Throws<InputException>(() => CsvIndentReader.Read(path));
        Assert.Contains("no \"depth\" column", e.Message);
    }

    [Fact]
    public void CsvWithTextInANumberColumnNamesTheLine()
    {
        string path = Path.Combine(IndentFixtures.TempDir(), "bad.csv");
        File.WriteAllText(path, "time (s),load (mN),depth (nm)\n0,0,0\n0.1,abc,1\n");
        var e = Assert.Throws<InputException>(() => CsvIndentReader.Read(path));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("load", e.Message);
    }

    [Fact]
    public void CsvColumnsAreMappedAndConvertedFromTheirUnits()
    {
        var test = SyntheticCurves.MultiCycle(70e9, 9e9, 1.5, new[] { 500e-9 });
        string path = Path.Combine(IndentFixtures.TempDir(), "curve.csv");
        File.WriteAllLines(path, new[] { "Zeit,Kraft (uN),Tiefe (um)" }.Concat(Enumerable.Range(0, test.Count).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{test.Time[i]:R},{test.Load[i] * 1e6:R},{test.Depth[i] * 1e6:R}"))));
        var map = CsvIndentReader.ParseMapping("time=Zeit,load=Kraft (uN),depth=Tiefe (um)", "test");
        var read = Assert.Single(CsvIndentReader.Read(path, map).Tests);
        Assert.Equal(test.Load[120], read.Load[120], 1e-15);
        Assert.Equal(test.Depth[120], read.Depth[120], 1e-18);
        var r = Assert.Single(OliverPharr.Analyze(read, new IndentOptions()).Results);
        Assert.Equal(70e9, r.Modulus, 70e9 * 1e-4);
    }

    [Fact]
    public void CsvWithAnIndentColumnHoldsSeveralIndents()
    {
        var a = SyntheticCurves.MultiCycle(70e9, 9e9, 1.5, new[] { 500e-9 });
        var b = SyntheticCurves.MultiCycle(100e9, 5e9, 1.5, new[] { 700e-9 });
        string path = Path.Combine(IndentFixtures.TempDir(), "two.csv");
        IEnumerable<string> Rows(string label, IndentTest t) => Enumerable.Range(0, t.Count).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{label},{t.Time[i]:R},{t.Load[i] * 1e3:R},{t.Depth[i] * 1e9:R}"));
        File.WriteAllLines(path, new[] { "indent,time,load,depth" }.Concat(Rows("A", a)).Concat(Rows("B", b)));
        var f = CsvIndentReader.Read(path);
        Assert.Equal(new[] { "A", "B" }, f.Tests.Select(t => t.Name));
        Assert.Equal(100e9, OliverPharr.Analyze(f.Tests[1], new IndentOptions()).Results[0].Modulus, 100e9 * 1e-4);
    }

    [Fact]
    public void IndentCommandWritesTheTablesForTheCsmExport()
    {
        string dir = IndentFixtures.TempDir();
        int code = IndentFixtures.RunCli("indent", IndentFixtures.Example, "--out", dir, "--beta", "1", "--no-plots");
        Assert.Equal(0, code);
        var indents = File.ReadAllLines(Path.Combine(dir, "indents.csv"));
        Assert.StartsWith("indent,cycle,Pmax_mN,hmax_nm,S_N_per_m,hc_nm", indents[0]);
        Assert.Equal(3, indents.Length);
        var csm = File.ReadAllLines(Path.Combine(dir, "csm.csv"));
        Assert.StartsWith("indent,depth_nm,", csm[0]);
        Assert.Contains("E_GPa,H_GPa", csm[0]);
        Assert.DoesNotContain(csm.Concat(indents), l => l.Contains("NaN") || l.Contains("Infinity"));
        Assert.True(File.Exists(Path.Combine(dir, "results.json")));
    }

    [Fact]
    public void BadOptionExitsWithCodeTwoAndWritesNothing()
    {
        string dir = Path.Combine(IndentFixtures.TempDir(), "out");
        Assert.Equal(2, IndentFixtures.RunCli("indent", IndentFixtures.Example, "--out", dir, "--unload-window", "0.9,0.2"));
        Assert.Equal(2, IndentFixtures.RunCli("indent", Path.Combine(dir, "missing.xls"), "--out", dir));
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("--calibrate-area", "72")]
    [InlineData("--sample-modulus", "411")]
    [InlineData("--popin-min", "2")]
    [InlineData("--area-terms", "9")]
    public void CalibrationAndPopInOptionsWithoutAUnitOrOutOfRangeExitWithCodeTwo(string option, string value)
    {
        string dir = Path.Combine(IndentFixtures.TempDir(), "out");
        Assert.Equal(2, IndentFixtures.RunCli("indent", IndentFixtures.Popin, "--out", dir, "--popin", option, value));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void AreaCoefficientsAndAreaCalibrationTogetherAreRefused()
    {
        string dir = Path.Combine(IndentFixtures.TempDir(), "out");
        Assert.Equal(2, IndentFixtures.RunCli("indent", IndentFixtures.Example, "--out", dir, "--area-coefficients", "24.5", "--calibrate-area", "72 GPa"));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void PopInCommandWritesThePopInTable()
    {
        string dir = IndentFixtures.TempDir();
        Assert.Equal(0, IndentFixtures.RunCli("indent", IndentFixtures.Popin, "--out", dir, "--popin", "--sample-modulus", "411 GPa", "--no-plots"));
        var rows = File.ReadAllLines(Path.Combine(dir, "popins.csv"));
        Assert.StartsWith("indent,popin,load_mN,depth_nm,jump_nm,", rows[0]);
        Assert.True(rows.Length > 12);
        Assert.DoesNotContain(rows, l => l.Contains("NaN") || l.Contains("Infinity"));
    }

    [Fact]
    public void ToCaseWritesAMaterialEntryFromStrainRateJumps()
    {
        const double m = 0.1, e = 20e9;
        var rates = new[] { 0.1, 0.01, 0.05, 0.003 };
        var test = SyntheticCurves.CsmJumps(e, 1e9, 0.05, m, rates, new[] { 1000e-9, 1300e-9, 1600e-9, 1900e-9 }, 2200e-9);
        string dir = IndentFixtures.TempDir(), csv = Path.Combine(dir, "se.csv"), caseFile = Path.Combine(dir, "case.toml");
        File.WriteAllLines(csv, new[] { "time (s),load (N),depth (m),stiffness (N/m)" }.Concat(Enumerable.Range(0, test.Count).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{test.Time[i]:R},{test.Load[i]:R},{test.Depth[i]:R},{test.HarmonicStiffness![i]:R}"))));
        File.WriteAllText(caseFile, "[simulation]\ncycles = 2\n");
        int code = IndentFixtures.RunCli("indent", csv, "--out", Path.Combine(dir, "out"), "--srj", "--jump-depths", "1000,1300,1600,1900",
            "--csm-window", "200,900", "--to-case", caseFile, "--material-name", "Se", "--sigma-ref", "100 MPa", "--no-plots");
        Assert.Equal(0, code);
        var model = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(caseFile), TomlSerializerOptions.Default)!;
        Assert.Equal(2L, ((TomlTable)model["simulation"])["cycles"]);
        var se = (TomlTable)((TomlTable)model["materials"])["Se"];
        Assert.Equal(e, CreepCell.Io.Units.Parse((string)se["youngs_modulus"], CreepCell.Io.Dimension.Pressure, "t", "E"), e * 1e-4);
        Assert.Equal(0.25, Convert.ToDouble(se["poisson_ratio"], CultureInfo.InvariantCulture));
        Assert.Equal(0.98, Convert.ToDouble(se["swelling"], CultureInfo.InvariantCulture));
        var creep = (TomlTable)se["creep"];
        Assert.Equal(1 / m, Convert.ToDouble(creep["n"], CultureInfo.InvariantCulture), 0.01 / m);
        // H = H0 (eps/eps0)^m with H0 = 1 GPa at 0.05 1/s, sigma = H/3: the rate at 100 MPa is 0.05 (0.3)^(1/m).
        double a = CreepCell.Io.Units.Parse((string)creep["A"], CreepCell.Io.Dimension.Rate, "t", "A");
        Assert.Equal(0.05 * Math.Pow(0.3, 1 / m), a, a * 0.1);
        Assert.Equal("100 MPa", creep["sigma_ref"]);
        Assert.Equal(2, IndentFixtures.RunCli("indent", csv, "--out", Path.Combine(dir, "out2"), "--srj", "--to-case", caseFile, "--material-name", "Se"));
        Assert.False(Directory.Exists(Path.Combine(dir, "out2")));
    }
}
