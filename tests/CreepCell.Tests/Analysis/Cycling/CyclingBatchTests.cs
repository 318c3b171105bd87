using System.Globalization;
using CreepCell.Analysis.Cycling;

namespace CreepCell.Tests.Analysis.Cycling;

/// <summary>`creepcell cycling F1 F2 --out DIR`: one subfolder per file and summary.csv, checked against the testers' numbers.</summary>
public class CyclingBatchTests
{
    static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void TwoExportsGiveTwoFoldersAndASummaryWithTheTesterCapacities()
    {
        string tmp = CyclingFixtures.TempDir(), dir = Path.Combine(tmp, "out");
        // Both Neware exports, the second by a glob on a copy so the glob path is exercised.
        File.Copy(CyclingFixtures.NewareLayered, Path.Combine(tmp, "layered.csv"));
        var (code, _, err) = CliRunner.Run("cycling", CyclingFixtures.NewareRecord, Path.Combine(tmp, "lay*.csv"), "--out", dir, "--mass", "2.08 mg");
        Assert.True(code == 0, err);
        Assert.Contains("warning: neware_uio.csv: cycle 5 (tester cycle 4) is incomplete", err);
        Assert.True(File.Exists(Path.Combine(dir, "neware_uio", "steps.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "layered", "cycles.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "summary.parquet")));
        var rows = File.ReadAllLines(Path.Combine(dir, "summary.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(2, rows.Count);
        // neware_uio: tester cycle 1 discharge = sum of its three discharge steps' "Spec. Cap.", 5 cycles, the last cut short.
        Assert.Equal("5", rows[0][2]);
        Assert.Equal(2250.15 + 135.49 + 59.68, D(rows[0][5]), 2.5);
        Assert.Equal("1", rows[0][9]);
        // The layered export: the tester's cycle summary gives the first and last discharge capacity and the retention.
        var tester = CyclerFile.Read(CyclingFixtures.NewareLayered).TesterSummary;
        Assert.Equal(tester[0].DischargeCoulombs / 3.6, D(rows[1][3]), 0.25);
        Assert.Equal(tester[^1].DischargeCoulombs / 3.6, D(rows[1][4]), 0.25);
        // Cycle 1 of this export is a partial discharge (about 200 mAh, known to 0.25 mAh), so the ratio is known to about 0.3 point.
        Assert.Equal(100 * tester[^1].DischargeCoulombs / tester[0].DischargeCoulombs, D(rows[1][7]), 0.4);
        // Mean CE from the tester's own capacities. Cycle 1 charges only 22.6 mAh (CE 1461 %), so its 0.25 mAh
        // tolerance moves the mean of 20 cycles by up to 0.8 point; cycles 2-20 agree within 0.1 point each.
        double ce = tester.Average(t => t.DischargeCoulombs / t.ChargeCoulombs) * 100;
        Assert.Equal(ce, D(rows[1][8]), 1.0);
    }

    [Fact]
    public void ABadFileInTheBatchStopsItWithNothingWritten()
    {
        string tmp = CyclingFixtures.TempDir(), dir = Path.Combine(tmp, "out");
        string bad = Path.Combine(tmp, "bad.csv");
        File.WriteAllLines(bad, File.ReadAllLines(CyclingFixtures.NewareRecord).Take(50).Append("51,1,1,Rest,00:50:00"));
        var (code, _, err) = CliRunner.Run("cycling", CyclingFixtures.NewareLayered, bad, "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains("bad.csv", err);
        Assert.False(Directory.Exists(dir));
        var (code2, _, err2) = CliRunner.Run("cycling", Path.Combine(tmp, "nothing*.csv"), "--out", dir);
        Assert.Equal(2, code2);
        Assert.Contains("matches no file", err2);
    }

    [Fact]
    public void SummaryOfSyntheticCyclesHasTheClosedFormEfficiencyAndRetention()
    {
        // Three 1 mAh discharges then charges of 0.98 mAh, 0.95 and 0.9 mAh: out/in CE 98 %, retention 90 %.
        var pts = new List<(double, double, double)>();
        double t = 0;
        foreach (double f in new[] { 1.0, 0.95, 0.9 })
        {
            for (int k = 0; k <= 40; k++) pts.Add((t + 3600 * f * k / 40, -1e-3, 3 - k / 40.0));
            t += 3600 * f + 60;
            pts.Add((t - 30, 0, 2.5));
            for (int k = 0; k <= 40; k++) pts.Add((t + 3600 * 0.98 * f * k / 40, 1e-3, 2 + k / 40.0));
            t += 3600 * 0.98 * f + 60;
            pts.Add((t - 30, 0, 2.5));
        }
        var cycles = CycleAnalysis.Run(CyclingFixtures.Synthetic(pts), new CycleOptions(new CellInfo()));
        var s = FileSummary.Of("a.csv", "a", cycles);
        Assert.Equal(3, s.Cycles);
        Assert.Equal(3.6, s.FirstDischargeC, 1e-9);
        Assert.Equal(0.9 * 3.6, s.LastDischargeC, 1e-9);
        Assert.Equal(0.9, s.Retention!.Value, 1e-9);
        Assert.Equal(0.98, s.MeanEfficiency!.Value, 1e-9);
        Assert.Equal(new[] { "a", "a-2", "b" }, CyclingSummary.Folders(new[] { "x/a.csv", "y/a.xlsx", "b.mpr" }));
    }
}
