using System.Globalization;
using CreepCell.Analysis.Indentation;
using ExcelDataReader;
using Xunit.Abstractions;

namespace CreepCell.Tests.Analysis.Indentation;

/// <summary>
/// Real G200 exports (micromechanics/micromechanics and micromechanics/indentationGUI, MIT): our analysis against
/// the instrument's own per-point CSM hardness and modulus, and its per-cycle unload results.
/// </summary>
public class G200FixtureTests(ITestOutputHelper output)
{
    [Fact]
    public void ExampleXlsReadsTwoCsmIndentsAndTheStoredTipSettings()
    {
        var f = G200Reader.Read(IndentFixtures.Example);
        Assert.Equal(2, f.Tests.Count);
        Assert.Equal(0.18, f.Settings.PoissonRatio);
        Assert.Equal(new[] { 27.3136, 152.6988585, -494.1823171 }, f.Settings.AreaCoefficients);
        Assert.True(f.Settings.DriftCorrection);
        var t = f.Tests.Single(x => x.Name == "Test 001");
        Assert.NotNull(t.HarmonicStiffness);
        Assert.Equal(1.4558718817912668e-9, f.Tests.Single(x => x.Name == "Test 002").Depth[3], 1e-20);
        Assert.Contains(t.Markers, m => m.Name == "Thermal Drift Hold Segment");
    }

    /// <summary>
    /// With the G200's convention beta = 1 (NanoSuite) and the file's area function and Poisson ratio, our CSM
    /// hardness and modulus match the instrument's columns point by point between 200 and 1800 nm.
    /// </summary>
    [Fact]
    public void CsmOnFusedSilicaAgreesWithTheInstrumentBetween200And1800Nanometres()
    {
        var f = G200Reader.Read(IndentFixtures.Example);
        var o = new IndentOverrides { Beta = 1.0 }.Apply(new IndentOptions().WithInstrument(f.Settings));
        Assert.False(o.DriftCorrection);
        foreach (var t in f.Tests)
        {
            var pts = Csm.Curve(t, o).Where(c => c.Depth >= 200e-9 && c.Depth <= 1800e-9 && double.IsFinite(c.InstrumentHardness)).ToList();
            Assert.True(pts.Count > 400);
            double dh = pts.Max(c => Math.Abs(c.Hardness / c.InstrumentHardness - 1));
            double de = pts.Max(c => Math.Abs(c.Modulus / c.InstrumentModulus - 1));
            double mh = pts.Average(c => c.Hardness / c.InstrumentHardness - 1), me = pts.Average(c => c.Modulus / c.InstrumentModulus - 1);
            output.WriteLine($"{t.Name}: {pts.Count} points, H max |dev| {dh:P3} mean {mh:P3}; E max |dev| {de:P3} mean {me:P3}");
            Assert.True(dh < 0.005, $"H deviation {dh:P3}");
            Assert.True(de < 0.003, $"E deviation {de:P3}");
            Assert.True(Math.Abs(mh) < 0.0015 && Math.Abs(me) < 0.001);
            var (e, h) = Csm.Average(pts, 200e-9, 1800e-9);
            Assert.InRange(e.Mean / 1e9, 69, 73);
            Assert.InRange(h.Mean / 1e9, 8.7, 9.2);
        }
    }

    /// <summary>
    /// The Results sheet's "E/H Average Over Defined Range" (the file's 100-200 nm calculation window):
    /// test 1: 76.318 GPa, 9.784 GPa; test 2: 77.749 GPa, 10.067 GPa.
    /// </summary>
    [Theory]
    [InlineData("Test 001", 76.318, 9.784)]
    [InlineData("Test 002", 77.749, 10.067)]
    public void CsmWindowAveragesMatchTheInstrumentResultsSheet(string indent, double eGpa, double hGpa)
    {
        var f = G200Reader.Read(IndentFixtures.Example);
        var o = new IndentOverrides { Beta = 1.0 }.Apply(new IndentOptions().WithInstrument(f.Settings));
        var (e, h) = Csm.Average(Csm.Curve(f.Tests.Single(t => t.Name == indent), o), 100e-9, 200e-9);
        output.WriteLine($"{indent}: E {e.Mean / 1e9:F3} GPa (instrument {eGpa}), H {h.Mean / 1e9:F3} GPa (instrument {hGpa})");
        Assert.Equal(eGpa, e.Mean / 1e9, eGpa * 0.006);
        Assert.Equal(hGpa, h.Mean / 1e9, hGpa * 0.01);
    }

    /// <summary>Every unload of the 16 x 10-cycle calibration run, against the instrument's "Cycles-GroupedByTest" sheet.</summary>
    [Fact]
    public void MultiCycleUnloadsMatchTheInstrumentStiffnessAndContactDepth()
    {
        string path = IndentFixtures.FusedSilica;
        var f = G200Reader.Read(path);
        Assert.Equal(16, f.Tests.Count);
        Assert.Equal(0.188, f.Settings.PoissonRatio);
        var o = new IndentOptions().WithInstrument(f.Settings);
        var instrument = InstrumentCycles(path);
        int compared = 0;
        double worstS = 0, worstHc = 0;
        foreach (var t in f.Tests)
        {
            var (results, _) = OliverPharr.Analyze(t, o);
            foreach (var r in results.Where(r => r.Pmax > 1e-3))
            {
                var (s, hc, hmax) = instrument[(int.Parse(t.Name[5..], CultureInfo.InvariantCulture), r.Cycle)];
                worstS = Math.Max(worstS, Math.Abs(r.Stiffness / s - 1));
                worstHc = Math.Max(worstHc, Math.Abs(r.ContactDepth * 1e9 - hc));
                Assert.Equal(hmax, r.Hmax * 1e9, 2.0);
                compared++;
            }
            Assert.Equal(10, Segmentation.FindUnloads(t.Load).Count);
        }
        output.WriteLine($"{compared} unloads above 1 mN: stiffness within {worstS:P2}, contact depth within {worstHc:F2} nm of the instrument");
        Assert.True(compared >= 95);
        Assert.True(worstS < 0.04, $"stiffness {worstS:P2}");
        Assert.True(worstHc < 4, $"contact depth {worstHc:F2} nm");
    }

    [Fact]
    public void TungstenColumnsInAnotherOrderAreFoundByName()
    {
        var f = G200Reader.Read(IndentFixtures.Tungsten);
        Assert.Equal(8, f.Tests.Count);
        Assert.Equal(0.3, f.Settings.PoissonRatio);
        var t = f.Tests.Single(x => x.Name == "Test 1");
        Assert.Equal(6.81569468818196e-9, t.Depth[1], 1e-20);
        Assert.Equal(0.000222339361274122e-3, t.Load[1], 1e-15);
        Assert.Equal(46.0195645, t.Time[1], 1e-9);
        Assert.Equal(6, Segmentation.FindUnloads(t.Load).Count);
    }

    /// <summary>Instrument results per (test, cycle): Su (N/m), hcu (nm), hmax (nm), rows "     1:10 | ...".</summary>
    static Dictionary<(int, int), (double S, double Hc, double Hmax)> InstrumentCycles(string path)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var map = new Dictionary<(int, int), (double, double, double)>();
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        do
        {
            if (reader.Name != "Cycles-GroupedByTest") continue;
            var header = new List<string>();
            while (reader.Read())
            {
                if (header.Count == 0) { for (int c = 0; c < reader.FieldCount; c++) header.Add(reader.GetValue(c)?.ToString()?.Trim() ?? ""); continue; }
                string key = reader.GetValue(0)?.ToString()?.Trim() ?? "";
                var parts = key.Split(':');
                if (parts.Length != 2) continue;
                double V(string name) => Convert.ToDouble(reader.GetValue(header.IndexOf(name)), CultureInfo.InvariantCulture);
                map[(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture))] = (V("Cycle Su"), V("Cycle hcu"), V("Cycle hmax"));
            }
        } while (reader.NextResult());
        return map;
    }
}
