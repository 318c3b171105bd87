using CreepCell.Io;
using CreepCell.Io.Plots;
using SkiaSharp;

namespace CreepCell.Tests.Io;

public class HistoryPlotsTests
{
    static HistoryRun Run(string name, double start, double slope)
    {
        var t = new HistoryTable(new[] { "cycle", "contact_ratio_Se_MSe", "vm_mean_Se_Pa" });
        for (int c = 1; c <= 20; c++) t.Add(new[] { c, start + slope * (c - 1), 0.1e9 - 1.7e6 * (c - 1) * slope / 0.007 });
        return HistoryRun.FromTable(name, t);
    }

    static long DarkPixels(byte[] png)
    {
        using var bmp = SKBitmap.Decode(png);
        long n = 0;
        for (int y = 0; y < bmp.Height; y++)
            for (int x = 0; x < bmp.Width; x++)
                if (bmp.GetPixel(x, y).Red < 60 && bmp.GetPixel(x, y).Green < 60 && bmp.GetPixel(x, y).Blue < 60) n++;
        return n;
    }

    [Fact]
    public void WritesContactRatioOfSeveralRunsWithPaperMarkers()
    {
        var runs = new[] { Run("Se-60MSe", 0.67, 0.0066), Run("Se-60MSe, coarse mesh", 0.65, 0.007) };
        var spec = new HistoryPlotSpec("cycle", new[] { "contact_ratio_Se_MSe" })
        {
            Title = "Se-MSe contact ratio",
            XLabel = "cycle",
            YLabel = "contact ratio Se-MSe (%)",
            YScale = 100,
            References = PaperReferences.ContactSeMse,
        };
        string path = FieldMapTests.OutputPath("contact-ratio.png");
        HistoryPlots.Write(path, runs, spec);
        using var bmp = SKBitmap.Decode(path);
        Assert.Equal(900, bmp.Width);
        Assert.Equal(600, bmp.Height);
        // the reference markers add black ink to the picture
        long with = DarkPixels(File.ReadAllBytes(path));
        long without = DarkPixels(HistoryPlots.Render(runs, spec with { References = Array.Empty<ReferencePoint>() }));
        Assert.True(with > without + 20, $"{with} vs {without}");
    }

    [Fact]
    public void StressInGigapascalFromCsv()
    {
        string csv = FieldMapTests.OutputPath("history-round-trip.csv");
        var table = new HistoryTable(new[] { "cycle", "vm_mean_Se_Pa" });
        table.Add(new[] { 1, 0.099e9 });
        table.Add(new[] { 2, 0.095e9 });
        table.Write(csv);
        var run = HistoryRun.ReadCsv(csv, "Se-60MSe");
        Assert.Equal(new[] { 0.099e9, 0.095e9 }, run.Column("vm_mean_Se_Pa"));
        var spec = new HistoryPlotSpec("cycle", new[] { "vm_mean_Se_Pa" })
        {
            YScale = 1e-9, YLabel = "mean von Mises stress in Se (GPa)", Width = 640, Height = 480,
            References = PaperReferences.VonMisesSe,
        };
        Assert.Equal(new[] { (1.0, 0.099e9), (20.0, 0.067e9) }, spec.References.Select(r => (r.X, r.Y)));
        string png = FieldMapTests.OutputPath("vm-se.png");
        HistoryPlots.Write(png, new[] { run }, spec);
        using var bmp = SKBitmap.Decode(png);
        Assert.Equal(640, bmp.Width);
        Assert.Equal(480, bmp.Height);
    }

    [Fact]
    public void RunsOfDifferentCasesShareAPlotEachWithItsOwnColumns()
    {
        var se = new HistoryRun("se-60mse", new[] { "cycle", "contact_ratio_Se_MSe" }, new[] { new[] { 1.0, 0.3 }, new[] { 2.0, 0.32 } });
        var lco = new HistoryRun("lco-mse", new[] { "cycle", "contact_ratio_LCO_MSe" }, new[] { new[] { 1.0, 0.01 }, new[] { 2.0, 0.01 } });
        var spec = new HistoryPlotSpec("cycle", new[] { "contact_ratio_Se_MSe", "contact_ratio_LCO_MSe" }) { YScale = 100 };
        long both = DarkPixels(HistoryPlots.Render(new[] { se, lco }, spec));
        long one = DarkPixels(HistoryPlots.Render(new[] { se }, spec with { YColumns = new[] { "contact_ratio_Se_MSe" } }));
        Assert.True(both > one, $"{both} vs {one}");
        Assert.Throws<InputException>(() => HistoryPlots.Render(new[] { se, lco }, spec with { YColumns = new[] { "contact_ratio_FeS_MSe" } }));
    }

    [Fact]
    public void MissingColumnNamesTheColumnAndTheSource()
    {
        var ex = Assert.Throws<InputException>(() =>
            HistoryPlots.Render(new[] { Run("a", 0.6, 0.01) }, new HistoryPlotSpec("cycle", new[] { "contact_ratio_Se_Se" })));
        Assert.Contains("contact_ratio_Se_Se", ex.Message);
        Assert.Contains("contact_ratio_Se_MSe", ex.Message);
    }

    [Fact]
    public void EmptyCellsReadAsMissingWhenAllowedAndThePlotLeavesThemOut()
    {
        string csv = FieldMapTests.OutputPath("stopped-cycles.csv");
        File.WriteAllText(csv, "cycle,full_x,charged_x\n1,0.5,0.25\n2,0.6,\n");
        Assert.Throws<InputException>(() => HistoryRun.ReadCsv(csv));
        var run = HistoryRun.ReadCsv(csv, allowEmpty: true);
        Assert.Equal(0.25, run.Rows[0][2]);
        Assert.True(double.IsNaN(run.Rows[1][2]));
        Assert.Equal(0.6, run.Rows[1][1]);
        var png = HistoryPlots.Render(new[] { run }, new HistoryPlotSpec("cycle", new[] { "full_x", "charged_x" }));
        Assert.Equal(0x89, png[0]);
        // infinities are never a missing value
        Assert.Throws<ArgumentException>(() => new HistoryRun("r", new[] { "x" }, new[] { new[] { double.PositiveInfinity } }, allowMissing: true));
    }

    [Fact]
    public void NonFiniteValuesAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new HistoryRun("r", new[] { "cycle", "x" }, new[] { new[] { 1.0, double.NaN } }));
        Assert.Contains("column x", ex.Message);
        string csv = FieldMapTests.OutputPath("bad-history.csv");
        File.WriteAllText(csv, "cycle,x\n1,0.5\n2,nan\n");
        var bad = Assert.Throws<InputException>(() => HistoryRun.ReadCsv(csv));
        Assert.Contains("line 3, column x", bad.Message);
        Assert.Throws<InputException>(() => HistoryRun.ReadCsv(FieldMapTests.OutputPath("missing-history.csv")));
        Assert.Throws<ArgumentException>(() => HistoryPlots.Render(new[] { Run("a", 0.6, 0.01) },
            new HistoryPlotSpec("cycle", new[] { "contact_ratio_Se_MSe" }) { References = new[] { new ReferencePoint(1, double.NaN, "p") } }));
    }
}
