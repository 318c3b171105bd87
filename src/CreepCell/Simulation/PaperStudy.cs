using System.Globalization;
using System.Text;
using CreepCell.Io;
using CreepCell.Io.Plots;

namespace CreepCell.Simulation;

/// <param name="SideMicrometres">RVE side replacing the presets' (smaller boxes run much faster).</param>
public sealed record StudyOptions(string OutDir, IReadOnlyList<string> Presets, int? Cycles = null, int Threads = 0, double? SideMicrometres = null);

/// <summary>One row of the comparison with the paper: our values at full lithiation of the first and
/// last cycle, and the paper's (Fig. 4) where it states them.</summary>
public sealed record StudyRow(string Quantity, double? OursFirst, double? OursLast, double? PaperFirst, double? PaperLast, string Unit, int LastCycle = 0);

/// <summary>
/// The paper's Fig. 4 study: runs the presets (Se-60MSe creeping, LCO-MSe elastic control, ...) and
/// compares contact ratios and mean von Mises stresses per cycle with the paper's numbers: plots of
/// both versus cycle, field maps (written by each run), and a markdown table.
/// </summary>
public static class PaperStudy
{
    /// <summary>
    /// Runs the presets and writes plots and comparison.md. A run that stops on a step that does not
    /// converge still contributes the cycles it completed; after everything is written the stops are
    /// reported together as a <see cref="NotConvergedException"/>.
    /// </summary>
    public static IReadOnlyList<StudyRow> Run(StudyOptions o, Action<string>? log = null)
    {
        var runs = new List<HistoryRun>();
        var stops = new List<string>();
        foreach (var preset in o.Presets)
        {
            string text = BuiltInCases.Text(preset);
            if (o.SideMicrometres is double side) text = BuiltInCases.WithSide(text, side);
            var def = CaseReader.Read($"built-in case \"{preset}\"", text, o.OutDir);
            if (o.Cycles is int n) def = def with { Protocol = def.Protocol.WithCycles(n) };
            if (o.Threads > 0) def = def with { Solver = def.Solver with { Threads = o.Threads } };
            string dir = Path.Combine(o.OutDir, preset);
            log?.Invoke($"running {preset} ({def.Protocol.CycleCount} cycles) into {dir}");
            try
            {
                var r = new CaseRunner(def, dir, p => { if (p.Step % 25 == 0) log?.Invoke($"  {preset}: {p}"); }).Run();
                log?.Invoke($"  {preset}: {r.Steps} steps, {r.NewtonIterations} Newton iterations, {r.WallSeconds:F0} s");
            }
            catch (NotConvergedException e)
            {
                stops.Add($"{preset}: {e.Message}");
                log?.Invoke($"  {preset} stopped: {e.Message}");
            }
            string cycles = Path.Combine(dir, "cycles.csv");
            if (File.Exists(cycles)) runs.Add(HistoryRun.ReadCsv(cycles, preset, allowEmpty: true));
        }
        WritePlots(o.OutDir, runs);
        var rows = Compare(runs);
        string note = stops.Count == 0 ? "" : "\nRuns that stopped early (their rows end at the last completed cycle):\n" + string.Concat(stops.Select(x => $"- {x}\n"));
        AtomicFile.WriteAllText(Path.Combine(o.OutDir, "comparison.md"), Markdown(rows) + note);
        if (stops.Count > 0) throw new NotConvergedException($"the study is written to {o.OutDir}, but {stops.Count} run(s) stopped early: " + string.Join("; ", stops));
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
        void AddValues(string quantity, HistoryRun run, Func<double[], double> value, IReadOnlyList<ReferencePoint>? reference, string unit, double scale)
        {
            int cycleColumn = run.Columns.ToList().IndexOf("cycle");
            var complete = run.Rows.Where(r => double.IsFinite(value(r))).ToList();
            if (complete.Count == 0) return;
            double first = value(complete[0]) * scale, last = value(complete[^1]) * scale;
            int lastCycle = cycleColumn >= 0 ? (int)complete[^1][cycleColumn] : complete.Count;
            rows.Add(new StudyRow($"{quantity} ({run.Name})", first, last, reference?[0].Y * scale, reference?[1].Y * scale, unit, lastCycle));
        }
        // paperFor: a column only the paper's cathode has (its MSe values are of the Se-MSe cathode)
        void Add(string quantity, string column, IReadOnlyList<ReferencePoint>? paper, string unit, double scale, string? paperFor = null)
        {
            foreach (var run in runs)
            {
                int c = run.Columns.ToList().IndexOf(column);
                if (c < 0) continue;
                var reference = paperFor is null || run.Columns.Contains(paperFor) ? paper : null;
                AddValues(quantity, run, r => r[c], reference, unit, scale);
            }
        }
        // the largest stress anywhere in the cathode, framework included
        void AddCathodeMax()
        {
            foreach (var run in runs)
            {
                var max = run.Columns.Select((name, i) => (name, i)).Where(x => x.name.StartsWith("full_vm_max_")).Select(x => x.i).ToArray();
                if (max.Length > 0) AddValues("max von Mises, whole cathode", run, r => max.Max(i => r[i]), null, "GPa", 1e-9);
            }
        }
        Add("Se-Se contact ratio", "full_contact_ratio_Se_Se", PaperReferences.ContactSeSe, "%", 100);
        Add("Se-MSe contact ratio", "full_contact_ratio_Se_MSe", PaperReferences.ContactSeMse, "%", 100);
        Add("Se surface in contact", "full_surface_in_contact_Se", null, "%", 100);
        Add("MSe surface in contact", "full_surface_in_contact_MSe", null, "%", 100);
        Add("mean von Mises Se", "full_vm_mean_Se_Pa", PaperReferences.VonMisesSe, "GPa", 1e-9);
        Add("mean von Mises MSe", "full_vm_mean_MSe_Pa", PaperReferences.VonMisesMse, "GPa", 1e-9, paperFor: "full_vm_mean_Se_Pa");
        Add("max von Mises Se", "full_vm_max_Se_Pa", null, "GPa", 1e-9);
        Add("LCO-LCO contact ratio", "full_contact_ratio_LCO_LCO", PaperReferences.ContactLcoLco, "%", 100);
        Add("LCO-MSe contact ratio", "full_contact_ratio_LCO_MSe", PaperReferences.ContactLcoMse, "%", 100);
        Add("max von Mises LCO", "full_vm_max_LCO_Pa", null, "GPa", 1e-9);
        Add("FeS-FeS contact ratio", "full_contact_ratio_FeS_FeS", null, "%", 100);
        Add("FeS-MSe contact ratio", "full_contact_ratio_FeS_MSe", null, "%", 100);
        Add("max von Mises FeS", "full_vm_max_FeS_Pa", null, "GPa", 1e-9);
        AddCathodeMax();
        return rows;
    }

    public static string Markdown(IReadOnlyList<StudyRow> rows)
    {
        string F(double? v) => v is double x ? x.ToString("G4", CultureInfo.InvariantCulture) : "-";
        var sb = new StringBuilder("| quantity | ours, cycle 1 | ours, last cycle | last cycle | paper, cycle 1 | paper, cycle 20 | unit |\n|---|---:|---:|---:|---:|---:|---|\n");
        foreach (var r in rows) sb.Append($"| {r.Quantity} | {F(r.OursFirst)} | {F(r.OursLast)} | {r.LastCycle} | {F(r.PaperFirst)} | {F(r.PaperLast)} | {r.Unit} |\n");
        sb.Append("\nValues at full lithiation. Paper: Fig. 4 and its Results text (LCO-MSe contact ratios stated as constant; LCO stress \"up to about 3 GPa\").\n");
        return sb.ToString();
    }
}
