using CreepCell.Io.Plots;
using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

public class PaperStudyTests
{
    [Fact]
    public void SeAndLcoPresetsWriteOneComparisonWithTheirLastCycle()
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-study-" + Guid.NewGuid().ToString("N"));
        try
        {
            var rows = PaperStudy.Run(new StudyOptions(dir, new[] { "se-60mse", "lco-mse" }, Cycles: 2, SideMicrometres: 8)).Rows;
            // both runs share the plots, each with its own phase pairs
            Assert.Equal(2, rows.Single(r => r.Quantity == "Se-MSe contact ratio (se-60mse)").LastCycle);
            Assert.True(File.Exists(Path.Combine(dir, "contact_ratio_vs_cycle.png")));
            var contact = rows.Single(r => r.Quantity == "LCO-MSe contact ratio (lco-mse)");
            Assert.Equal(2, contact.LastCycle);
            // the paper's LCO-MSe ratio (9.10 %) is carried beside ours
            Assert.Equal(9.10, contact.PaperFirst!.Value, 1e-9);
            // the particles of the pressed LCO cathode touch (measured 8.2 %), and as LCO swells by only
            // 2 % its contacts do not change between the cycles
            Assert.InRange(contact.OursFirst!.Value, 1, 20);
            Assert.InRange(contact.OursLast!.Value - contact.OursFirst!.Value, -0.5, 0.5);
            // every LCO particle carries at least the plane-strain floor of a free swelling particle,
            // sigma_zz = -E ln(Js) / 3 (E = 180 GPa, Js = 1.02); a loaded chain of particles adds to it
            var stress = rows.Single(r => r.Quantity == "max von Mises LCO (lco-mse)");
            Assert.True(stress.OursFirst!.Value >= 0.99 * 180 * Math.Log(1.02) / 3, $"largest LCO stress {stress.OursFirst} GPa");
            // the whole cathode's largest stress is its largest phase value: LCO there, MSe or Se in the Se cathode
            Assert.Equal(stress.OursFirst!.Value, rows.Single(r => r.Quantity == "max von Mises, whole cathode (lco-mse)").OursFirst!.Value, 1e-12);
            double seCathode = rows.Single(r => r.Quantity == "max von Mises, whole cathode (se-60mse)").OursFirst!.Value;
            Assert.True(seCathode >= rows.Single(r => r.Quantity == "max von Mises Se (se-60mse)").OursFirst!.Value);
            string md = File.ReadAllText(Path.Combine(dir, "comparison.md"));
            Assert.Contains("| LCO-MSe contact ratio (lco-mse) |", md);
            // two cycles distort no element of the elastic LCO cathode
            Assert.Equal(0, rows.Single(r => r.Quantity == "area in distorted elements, LCO (lco-mse)").OursLast!.Value);
            Assert.True(File.Exists(Path.Combine(dir, "von_mises_vs_cycle.png")));
            // the box is 8 um: the solids cover about 75 % of 64 um^2
            var run = CreepCell.Io.Plots.HistoryRun.ReadCsv(Path.Combine(dir, "lco-mse", "cycles.csv"));
            var cols = run.Columns.ToList();
            double solids = run.Rows[0][cols.IndexOf("full_area_LCO_m2")] + run.Rows[0][cols.IndexOf("full_area_MSe_m2")];
            Assert.InRange(solids / 64e-12, 0.74, 0.77);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void SeveralSeedsGiveTheMeanAndSpreadOfTheirRunsAndCheckThePapersClaimsOnEach()
    {
        string dir = Path.Combine(Path.GetTempPath(), "creepcell-study-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = PaperStudy.Run(new StudyOptions(dir, new[] { "se-60mse", "lco-mse" }, Cycles: 2, SideMicrometres: 8, Seeds: new[] { 2, 3 }));
            var runs = new[] { 2, 3 }.Select(s => HistoryRun.ReadCsv(Path.Combine(dir, "se-60mse", $"seed-{s}", "cycles.csv"))).ToArray();
            double Value(HistoryRun r, int row, string column) => r.Rows[row][r.Columns.ToList().IndexOf(column)];
            // the two packings differ, and the table holds their mean and sample standard deviation
            var a = runs.Select(r => Value(r, 0, "full_contact_ratio_Se_MSe") * 100).ToArray();
            Assert.NotEqual(a[0], a[1]);
            var row = result.Rows.Single(r => r.Quantity == "Se-MSe contact ratio (se-60mse)");
            Assert.Equal(2, row.Samples);
            Assert.Equal((a[0] + a[1]) / 2, row.OursFirst!.Value, 1e-9);
            Assert.Equal(Math.Abs(a[0] - a[1]) / Math.Sqrt(2), row.OursFirstSd!.Value, 1e-9);
            var last = runs.Select(r => Value(r, 1, "full_vm_mean_Se_Pa") * 1e-9).ToArray();
            Assert.Equal((last[0] + last[1]) / 2, result.Rows.Single(r => r.Quantity == "mean von Mises Se (se-60mse)").OursLast!.Value, 1e-12);
            // each claim is counted run by run
            var rise = result.Claims.Single(c => c.Statement.StartsWith("Se-Se and Se-MSe contact ratios higher"));
            int expected = runs.Count(r => Value(r, 1, "full_contact_ratio_Se_Se") > Value(r, 0, "full_contact_ratio_Se_Se")
                && Value(r, 1, "full_contact_ratio_Se_MSe") > Value(r, 0, "full_contact_ratio_Se_MSe"));
            Assert.Equal((expected, 2), (rise.Holds, rise.Runs));
            var lco = runs.Select((_, i) => HistoryRun.ReadCsv(Path.Combine(dir, "lco-mse", $"seed-{i + 2}", "cycles.csv"))).ToArray();
            var ratio = result.Claims.Single(c => c.Statement.StartsWith("largest stress in LCO"));
            int tenfold = Enumerable.Range(0, 2).Count(i => lco[i].Column("full_vm_max_LCO_Pa").Max() >= 10 * runs[i].Column("full_vm_max_Se_Pa").Max());
            Assert.Equal((tenfold, 2), (ratio.Holds, ratio.Runs));
            string md = File.ReadAllText(Path.Combine(dir, "comparison.md"));
            Assert.Contains("over 2 packings (seeds 2, 3)", md);
            Assert.Contains($"| {row.Quantity} | {PaperStudy.MeanAndSpread(row.OursFirst!.Value, row.OursFirstSd!.Value)} |", md);
            Assert.Contains("| LCO-LCO and LCO-MSe contact ratios constant (within 0.5 points) over the cycles |", md);
            Assert.True(File.Exists(Path.Combine(dir, "contact_ratio_vs_cycle.png")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData(35.14, 6.517, "35.1 ± 6.5")]
    [InlineData(0.05295, 0.0004015, "0.05295 ± 0.00040")]
    [InlineData(1.205, 0.9167, "1.21 ± 0.92")]
    [InlineData(1192.3, 18.2, "1192 ± 18")]
    [InlineData(1.192, 0.0, "1.192 ± 0")]
    [InlineData(1.19224302, 0.00000018, "1.192 ± 0.000")]
    [InlineData(3.023e-11, 1.199e-11, "3.023E-11 ± 1.2E-11")]
    public void TheSpreadSetsTheDecimalsOfTheMean(double mean, double sd, string expected) =>
        Assert.Equal(expected, PaperStudy.MeanAndSpread(mean, sd));
}
