using System.Globalization;
using System.Text;
using CreepCell.Io;
using CreepCell.Io.Plots;

namespace CreepCell.Simulation;

public sealed record StudyOptions(string OutDir, IReadOnlyList<string> Presets, int? Cycles = null, int Threads = 0);

/// <summary>One row of the comparison with the paper: our values at full lithiation of the first and
/// last cycle, and the paper's (Fig. 4) where it states them.</summary>
public sealed record StudyRow(string Quantity, double? OursFirst, double? OursLast, double? PaperFirst, double? PaperLast, string Unit);

/// <summary>
/// The paper's Fig. 4 study: runs the presets (Se-60MSe creeping, LCO-MSe elastic control, ...) and
/// compares contact ratios and mean von Mises stresses per cycle with the paper's numbers: plots of
/// both versus cycle, field maps (written by each run), and a markdown table.
/// </summary>
public static class PaperStudy
{
    public static IReadOnlyList<StudyRow> Run(StudyOptions o, Action<string>? log = null)
    {
        var runs = new List<HistoryRun>();
        foreach (var preset in o.Presets)
        {
            var def = CaseReader.Read($"built-in case \"{preset}\"", BuiltInCases.Text(preset), o.OutDir);
            if (o.Cycles is int n) def = def with { Protocol = def.Protocol.WithCycles(n) };
            if (o.Threads > 0) def = def with { Solver = def.Solver with { Threads = o.Threads } };
            string dir = Path.Combine(o.OutDir, preset);
            log?.Invoke($"running {preset} ({def.Protocol.CycleCount} cycles) into {dir}");
            var r = new CaseRunner(def, dir, p => { if (p.Step % 25 == 0) log?.Invoke($"  {preset}: {p}"); }).Run();
            log?.Invoke($"  {preset}: {r.Steps} steps, {r.NewtonIterations} Newton iterations, {r.WallSeconds:F0} s");
            runs.Add(HistoryRun.ReadCsv(Path.Combine(dir, "cycles.csv"), preset));
        }
        WritePlots(o.OutDir, runs);
        var rows = Compare(runs);
        AtomicFile.WriteAllText(Path.Combine(o.OutDir, "comparison.md"), Markdown(rows));
        return rows;
    }

    static void WritePlots(string dir, List<HistoryRun> runs)
    {
        var contact = runs.SelectMany(r => r.Columns.Where(c => c.StartsWith("full_contact_ratio_"))).Distinct().ToList();
        if (contact.Count > 0)
        {
            HistoryPlots.Write(Path.Combine(dir, "contact_ratio_vs_cycle.png"), runs, new HistoryPlotSpec("cycle", contact)
            {
                Title = "Contact ratio at full lithiation", XLabel = "cycle", YLabel = "contact ratio (%)", YScale = 100,
                References = PaperReferences.ContactSeSe.Concat(PaperReferences.ContactSeMse).Concat(PaperReferences.ContactLcoLco).Concat(PaperReferences.ContactLcoMse).ToList(),
            });
        }
        var vm = runs.SelectMany(r => r.Columns.Where(c => c.StartsWith("full_vm_mean_"))).Distinct().ToList();
        HistoryPlots.Write(Path.Combine(dir, "von_mises_vs_cycle.png"), runs, new HistoryPlotSpec("cycle", vm)
        {
            Title = "Mean von Mises stress at full lithiation", XLabel = "cycle", YLabel = "mean von Mises stress (GPa)", YScale = 1e-9,
            References = PaperReferences.VonMisesSe.Concat(PaperReferences.VonMisesMse).ToList(),
        });
    }

    static IReadOnlyList<StudyRow> Compare(List<HistoryRun> runs)
    {
        var rows = new List<StudyRow>();
        void Add(string quantity, string column, IReadOnlyList<ReferencePoint>? paper, string unit, double scale)
        {
            foreach (var run in runs)
            {
                int c = run.Columns.ToList().IndexOf(column);
                if (c < 0 || run.Rows.Count == 0) continue;
                double first = run.Rows[0][c] * scale, last = run.Rows[^1][c] * scale;
                rows.Add(new StudyRow($"{quantity} ({run.Name})", first, last, paper?[0].Y * scale, paper?[1].Y * scale, unit));
            }
        }
        Add("Se-Se contact ratio", "full_contact_ratio_Se_Se", PaperReferences.ContactSeSe, "%", 100);
        Add("Se-MSe contact ratio", "full_contact_ratio_Se_MSe", PaperReferences.ContactSeMse, "%", 100);
        Add("mean von Mises Se", "full_vm_mean_Se_Pa", PaperReferences.VonMisesSe, "GPa", 1e-9);
        Add("mean von Mises MSe", "full_vm_mean_MSe_Pa", PaperReferences.VonMisesMse, "GPa", 1e-9);
        Add("max von Mises Se", "full_vm_max_Se_Pa", null, "GPa", 1e-9);
        Add("LCO-LCO contact ratio", "full_contact_ratio_LCO_LCO", PaperReferences.ContactLcoLco, "%", 100);
        Add("LCO-MSe contact ratio", "full_contact_ratio_LCO_MSe", PaperReferences.ContactLcoMse, "%", 100);
        Add("max von Mises LCO", "full_vm_max_LCO_Pa", null, "GPa", 1e-9);
        Add("FeS-FeS contact ratio", "full_contact_ratio_FeS_FeS", null, "%", 100);
        Add("FeS-MSe contact ratio", "full_contact_ratio_FeS_MSe", null, "%", 100);
        Add("max von Mises FeS", "full_vm_max_FeS_Pa", null, "GPa", 1e-9);
        return rows;
    }

    public static string Markdown(IReadOnlyList<StudyRow> rows)
    {
        string F(double? v) => v is double x ? x.ToString("G4", CultureInfo.InvariantCulture) : "-";
        var sb = new StringBuilder("| quantity | ours, cycle 1 | ours, last cycle | paper, cycle 1 | paper, cycle 20 | unit |\n|---|---:|---:|---:|---:|---|\n");
        foreach (var r in rows) sb.Append($"| {r.Quantity} | {F(r.OursFirst)} | {F(r.OursLast)} | {F(r.PaperFirst)} | {F(r.PaperLast)} | {r.Unit} |\n");
        sb.Append("\nValues at full lithiation. Paper: Fig. 4 and its Results text (LCO-MSe contact ratios stated as constant; LCO stress \"up to about 3 GPa\").\n");
        return sb.ToString();
    }
}
