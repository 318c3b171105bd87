using System.Globalization;
using CreepCell.Analysis.Cycling;
using CreepCell.Analysis.Voltammetry;

namespace CreepCell.Tests.Analysis.Voltammetry;

/// <summary>Real Gamry and BioLogic exports, CHI layouts and plain CSV are read with the unit each one writes.</summary>
public class ReaderTests
{
    static readonly string[] Series = { "dfca_25mVs.DTA", "dfca_50mVs.DTA", "dfca_100mVs.DTA", "dfca_250mVs.DTA", "dfca_500mVs.DTA" };

    static List<(double E, double I)> RawGamryRows(string path) => File.ReadAllLines(path)
        .Where(l => l.StartsWith('\t') && l.Split('\t') is { Length: > 4 } f && int.TryParse(f[1], out _))
        .Select(l => l.Split('\t')).Select(f => (double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture))).ToList();

    [Fact]
    public void GamryDtaIsReadWithTheScanRateOfItsHeader()
    {
        string path = SyntheticCv.Fixture("dfca_100mVs.DTA");
        var v = VoltammogramFile.Read(path);
        var raw = RawGamryRows(path);
        Assert.Equal("Gamry DTA", v.Format);
        Assert.Equal(raw.Count, v.Points.Count);
        Assert.Equal(0.0999998, v.ScanRate!.Value, 9); // "9.99998E+001 Scan Rate (mV/s)"
        var r = PeakAnalysis.Analyze(v, BaselineMode.Zero);
        // The scan goes from -0.6 V down to -1.1 V and back: cathodic first, one cycle of two sweeps.
        Assert.Equal(new[] { -1, 1 }, r.Segments.Select(s => s.Direction));
        var (eMin, iMin) = raw.MinBy(x => x.I);
        Assert.Equal(eMin, r.Cycles[0].Cathodic!.PeakPotential!.Value, 3e-3);
        Assert.Equal(iMin, r.Cycles[0].Cathodic!.PeakCurrent!.Value, Math.Abs(iMin) * 0.02);
    }

    [Fact]
    public void RealScanRateSeriesOfADissolvedCoupleIsDiffusionControlled()
    {
        var points = Series.Select(f =>
        {
            var r = PeakAnalysis.Analyze(VoltammogramFile.Read(SyntheticCv.Fixture(f)), BaselineMode.Start);
            return new RatePoint(r, r.Data.ScanRate!.Value, r.Cycles[0]);
        }).ToList();
        Assert.Equal(new[] { 0.025, 0.05, 0.1, 0.25, 0.5 }, points.Select(p => Math.Round(p.ScanRate, 4)));
        var s = ScanRateSeries.Analyze(points, new RandlesSevcikInputs(1e-4, 20, 1, 298.15), 0.005);
        // The forward (cathodic) wave of a species in solution: ip grows as v^1/2.
        Assert.InRange(s.Cathodic.B!.Value, 0.45, 0.55);
        Assert.True(s.Cathodic.SqrtFit!.RSquared > 0.99);
        Assert.True(s.Cathodic.Diffusivity > 0);
    }

    [Fact]
    public void BioLogicTextWithDecimalCommaIsRead()
    {
        string path = SyntheticCv.Fixture("Pt_poly_cv_CUT.mpt");
        var v = VoltammogramFile.Read(path);
        var lines = File.ReadAllLines(path, System.Text.Encoding.Latin1);
        Assert.Equal("BioLogic EC-Lab text", v.Format);
        Assert.Equal(lines.Length - 73, v.Points.Count); // "Nb header lines : 73"
        Assert.Equal(0.1, v.ScanRate!.Value, 12); // "dE/dt 100,000" with "dE/dt unit mV/s"
        Assert.Equal(8.7869531e-1, v.Points[0].Potential, 9);
        Assert.Equal(-2.604324994466466e-3 * 1e-3, v.Points[0].Current, 15); // <I>/mA
        Assert.Equal(3.289600104471901, v.Points[0].Time!.Value, 12);
        var r = PeakAnalysis.Analyze(v, BaselineMode.Start);
        Assert.InRange(r.Segments.Count, 4, 10);
        Assert.All(r.Segments.Zip(r.Segments.Skip(1)), p => Assert.Equal(-p.First.Direction, p.Second.Direction));
    }

    [Fact]
    public void ChiExportWithSegmentLinesAndChargeColumnIsRead()
    {
        string dir = SyntheticCv.TempDir();
        var (e, _) = SyntheticCv.Path();
        var i = SyntheticCv.Adsorbed(1, 0.05, 1e-5, 1e-6);
        var lines = SyntheticCv.Chi(e, i, 0.05).Split("\r\n").ToList();
        int header = lines.IndexOf("Potential/V, Current/A");
        for (int k = header + 1; k < lines.Count; k++) if (lines[k].Length > 0) lines[k] += ", 1.000e-6";
        lines[header] = "Potential/V, Current/A, Charge/C";
        lines.Insert(header + 2, "Segment 1:");
        var body = lines;
        string path = SyntheticCv.Write(dir, "seg.txt", string.Join("\r\n", body));
        var v = VoltammogramFile.Read(path);
        Assert.Equal(e.Length, v.Points.Count);
        Assert.Equal(e[^1], v.Points[^1].Potential, 12);
        Assert.Equal(2, CreepCell.Analysis.Voltammetry.Sweeps.Split(v).Count);
    }

    [Fact]
    public void PlainCsvTakesTheUnitsOfItsColumnMapping()
    {
        string dir = SyntheticCv.TempDir();
        var (e, _) = SyntheticCv.Path();
        var i = SyntheticCv.Adsorbed(1, 0.05, 1e-5, 1e-6);
        var rows = e.Select((x, k) => string.Create(CultureInfo.InvariantCulture, $"{x * 1e3},{i[k] * 1e6}"));
        string path = SyntheticCv.Write(dir, "plain.csv", string.Join("\n", rows.Prepend("E we,I we")));
        var map = ColumnMapping.Parse(new[] { "voltage=E we [mV]", "current=I we [uA]" }, "--column");
        var v = VoltammogramFile.Read(path, map);
        Assert.Equal(e[5], v.Points[5].Potential, 12);
        Assert.Equal(i[5], v.Points[5].Current, 1e-15);
        Assert.Null(v.ScanRate);
    }
}
