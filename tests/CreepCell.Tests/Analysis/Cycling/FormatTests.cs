using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>LAND (English and Chinese headers, CSV and xlsx) and plain CSV with a column mapping.</summary>
public class FormatTests
{
    static readonly CycleOptions Plain = new(new CellInfo());

    static List<CycleResult> Reference() => CycleAnalysis.Run(CyclerFile.Read(CyclingFixtures.NewareRecord), Plain);

    static void AssertSameCycles(List<CycleResult> expected, List<CycleResult> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.Cycle, a.Cycle);
            Assert.Equal(e.ChargeC, a.ChargeC, e.ChargeC * 1e-9);
            Assert.Equal(e.DischargeC, a.DischargeC, e.DischargeC * 1e-9);
            Assert.Equal(e.DischargeJ, a.DischargeJ, e.DischargeJ * 1e-9);
        }
    }

    [Fact]
    public void LandCsvWithEnglishHeadersGivesTheSameCyclesAsTheSourceRecords()
    {
        var neware = CyclerFile.Read(CyclingFixtures.NewareRecord);
        string path = Path.Combine(CyclingFixtures.TempDir(), "land.csv");
        LandFixture.WriteCsv(path, LandFixture.English, LandFixture.Rows(neware, chinese: false, unsignedCurrent: false));
        var data = CyclerFile.Read(path);
        Assert.Equal("LAND CSV", data.Format);
        AssertSameCycles(Reference(), CycleAnalysis.Run(data, Plain));
    }

    [Fact]
    public void LandXlsxWithChineseHeadersAndUnsignedCurrentUsesTheStateColumn()
    {
        var neware = CyclerFile.Read(CyclingFixtures.NewareRecord);
        string path = Path.Combine(CyclingFixtures.TempDir(), "land.xlsx");
        LandFixture.WriteXlsx(path, LandFixture.Chinese, LandFixture.Rows(neware, chinese: true, unsignedCurrent: true));
        var data = CyclerFile.Read(path);
        Assert.StartsWith("LAND", data.Format);
        Assert.Contains(data.Records, r => r.Current < 0);
        AssertSameCycles(Reference(), CycleAnalysis.Run(data, Plain));
    }

    [Fact]
    public void RecordsSplitOverSeveralSheetsAreJoined()
    {
        var neware = CyclerFile.Read(CyclingFixtures.NewareRecord);
        string path = Path.Combine(CyclingFixtures.TempDir(), "land3.xlsx");
        LandFixture.WriteXlsx(path, LandFixture.English, LandFixture.Rows(neware, chinese: false, unsignedCurrent: false), sheets: 3);
        var data = CyclerFile.Read(path);
        Assert.Equal(neware.Records.Count, data.Records.Count);
        AssertSameCycles(Reference(), CycleAnalysis.Run(data, Plain));
    }

    [Fact]
    public void LandCsvWithChineseHeadersInGb18030IsDecoded()
    {
        var neware = CyclerFile.Read(CyclingFixtures.NewareRecord);
        string path = Path.Combine(CyclingFixtures.TempDir(), "land-gbk.csv");
        var rows = LandFixture.Rows(neware, chinese: true, unsignedCurrent: true);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var text = string.Join("\r\n", new[] { string.Join(',', LandFixture.Chinese) }.Concat(rows.Select(r => string.Join(',', r))));
        File.WriteAllBytes(path, System.Text.Encoding.GetEncoding("GB18030").GetBytes(text));
        var data = CyclerFile.Read(path);
        Assert.Equal("LAND CSV", data.Format);
        AssertSameCycles(Reference(), CycleAnalysis.Run(data, Plain));
    }

    [Fact]
    public void PlainCsvWithColumnMappingAndUnitsGivesClosedFormCapacityAndEnergy()
    {
        // 100 uA discharge for 1 h with the voltage falling linearly 3 -> 2 V, then 1 h charge 2 -> 3 V:
        // 0.1 mAh each way, energy 0.1 mAh x 2.5 V = 0.25 mWh (trapezoid rule is exact for linear V).
        var lines = new List<string> { "t_h;I_uA;E;note" };
        for (int k = 0; k <= 60; k++) lines.Add($"{k / 60.0:R};-100;{3 - k / 60.0:R};d");
        for (int k = 0; k <= 60; k++) lines.Add($"{1 + k / 60.0 + 1e-6:R};100;{2 + k / 60.0:R};c");
        string path = Path.Combine(CyclingFixtures.TempDir(), "plain.csv");
        File.WriteAllLines(path, lines);
        var map = ColumnMapping.Parse(new[] { "time=t_h [h]", "current=I_uA [uA]", "voltage=E [V]" }, "--column");
        var cycles = CycleAnalysis.Run(CyclerFile.Read(path, map), Plain);
        var c = Assert.Single(cycles);
        Assert.Equal(0.1 * 3.6, c.DischargeC, 1e-9);
        Assert.Equal(0.1 * 3.6, c.ChargeC, 1e-9);
        Assert.Equal(0.25 * 3.6, c.DischargeJ, 1e-9);
        Assert.Equal(2.5, c.MeanDischargeVoltage!.Value, 1e-9);
        Assert.Equal(1.0, c.CoulombicEfficiency!.Value, 1e-9);
    }
}
