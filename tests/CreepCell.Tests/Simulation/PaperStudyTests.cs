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
            var rows = PaperStudy.Run(new StudyOptions(dir, new[] { "se-60mse", "lco-mse" }, Cycles: 2, SideMicrometres: 8));
            // both runs share the plots, each with its own phase pairs
            Assert.Equal(2, rows.Single(r => r.Quantity == "Se-MSe contact ratio (se-60mse)").LastCycle);
            Assert.True(File.Exists(Path.Combine(dir, "contact_ratio_vs_cycle.png")));
            var contact = rows.Single(r => r.Quantity == "LCO-MSe contact ratio (lco-mse)");
            Assert.Equal(2, contact.LastCycle);
            // the paper's LCO-MSe ratio (9.10 %) is carried beside ours
            Assert.Equal(9.10, contact.PaperFirst!.Value, 1e-9);
            // LCO swells by 2 %: its contacts do not change between the cycles
            Assert.InRange(contact.OursLast!.Value - contact.OursFirst!.Value, -0.5, 0.5);
            var stress = rows.Single(r => r.Quantity == "max von Mises LCO (lco-mse)");
            Assert.InRange(stress.OursFirst!.Value, 0.3, 3.0);
            // the whole cathode's largest stress is its largest phase value: LCO there, MSe or Se in the Se cathode
            Assert.Equal(stress.OursFirst!.Value, rows.Single(r => r.Quantity == "max von Mises, whole cathode (lco-mse)").OursFirst!.Value, 1e-12);
            double seCathode = rows.Single(r => r.Quantity == "max von Mises, whole cathode (se-60mse)").OursFirst!.Value;
            Assert.True(seCathode >= rows.Single(r => r.Quantity == "max von Mises Se (se-60mse)").OursFirst!.Value);
            string md = File.ReadAllText(Path.Combine(dir, "comparison.md"));
            Assert.Contains("| LCO-MSe contact ratio (lco-mse) |", md);
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
}
