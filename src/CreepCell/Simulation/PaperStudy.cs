using System.Globalization;
using System.Text;
using CreepCell.Io;
using CreepCell.Io.Plots;
using CreepCell.Sweeps;

namespace CreepCell.Simulation;

/// <summary>
/// The paper's Fig. 4 study: the runs of the presets (Se-60MSe creeping, LCO-MSe elastic control, ...),
/// made as a sweep (<see cref="StudySweep"/>), compared with the paper's numbers in contact ratios and
/// mean von Mises stresses per cycle: plots of both versus cycle, field maps (written by each run), a
/// markdown table, and the paper's claims checked run by run.
/// </summary>
public static class PaperStudy
{
    /// <summary>The files the comparison writes at the top of a study's folder (each run writes its own runs/NNNN).</summary>
    public static readonly IReadOnlyList<string> OutputPatterns = new[] { "comparison.md", "contact_ratio_vs_cycle.png", "von_mises_vs_cycle.png", "integrity_vs_cycle.png", "capacity_vs_cycle.png" };

    /// <summary>
    /// Makes the comparison from a study's folder (<see cref="StudySweep"/>): plots and comparison.md from
    /// the cycles.csv of its runs. A run that stopped on a step that did not converge (failed) still
    /// contributes the cycles it completed, as does one not finished yet; the result lists both, and
    /// comparison.md names them.
    /// </summary>
    public static StudyResult Collect(string dir)
    {
        var o = StudySweep.ReadOptions(dir);
        var ensembles = new List<Ensemble>();
        var stops = new List<string>();
        foreach (var (preset, runs) in StudySweep.Runs(dir, o))
        {
            var histories = new List<HistoryRun>();
            foreach (var (name, runDir, state) in runs)
            {
                if (state == RunState.Failed) stops.Add($"{name}: {StopMessage(runDir)}");
                else if (state != RunState.Finished) stops.Add($"{name}: not finished ({SweepFolder.StateName(state)})");
                string cycles = Path.Combine(runDir, "cycles.csv");
                if (File.Exists(cycles)) histories.Add(HistoryRun.ReadCsv(cycles, name, allowEmpty: true));
            }
            if (histories.Count > 0) ensembles.Add(new Ensemble(preset, histories));
        }
        WritePlots(dir, ensembles);
        var result = new StudyResult(Compare(ensembles), StudyClaims.Check(ensembles), o.Seeds is { Count: > 0 } ? o.Seeds : null, o.RemeshAngle) { Stops = stops };
        string note = stops.Count == 0 ? "" : "\nRuns that stopped early (their rows end at the last completed cycle):\n" + string.Concat(stops.Select(x => $"- {x}\n"));
        AtomicFile.WriteAllText(Path.Combine(dir, "comparison.md"), Markdown(result) + note);
        return result;
    }

    /// <summary>The message a failed run left, without its exit code and the "error: " of the command line.</summary>
    static string StopMessage(string runDir)
    {
        string path = Path.Combine(runDir, SweepFolder.FailureFile);
        var lines = File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>();
        string? error = lines.FirstOrDefault(l => l.StartsWith("error: ", StringComparison.Ordinal));
        return error is not null ? error["error: ".Length..] : SweepFolder.FailureMessage(runDir);
    }

    static void WritePlots(string dir, List<Ensemble> ensembles)
    {
        var runs = ensembles.Select(e => e.MeanRun()).Where(r => r.Rows.Count > 0).ToList();
        var contact = runs.SelectMany(r => r.Columns.Where(c => c.StartsWith("full_contact_ratio_"))).Distinct().ToList();
        if (contact.Count > 0)
        {
            Pictures.Writer?.History(Path.Combine(dir, "contact_ratio_vs_cycle.png"), runs, new HistoryPlotSpec("cycle", contact)
            {
                Title = "Contact ratio at full lithiation", XLabel = "cycle", YLabel = "contact ratio (%)", YScale = 100,
                References = PaperReferences.ContactSeSe.Concat(PaperReferences.ContactSeMse).Concat(PaperReferences.ContactLcoLco).Concat(PaperReferences.ContactLcoMse).ToList(),
            });
        }
        var vm = runs.SelectMany(r => r.Columns.Where(c => c.StartsWith("full_vm_mean_"))).Distinct().ToList();
        if (vm.Count > 0)
        {
            Pictures.Writer?.History(Path.Combine(dir, "von_mises_vs_cycle.png"), runs, new HistoryPlotSpec("cycle", vm)
            {
                Title = "Mean von Mises stress at full lithiation", XLabel = "cycle", YLabel = "mean von Mises stress (GPa)", YScale = 1e-9,
                References = PaperReferences.VonMisesSe.Concat(PaperReferences.VonMisesMse).ToList(),
            });
        }
        var capacity = runs.SelectMany(r => r.Columns.Where(c => c.EndsWith("_capacity_estimate_mAh_g"))).Distinct().ToList();
        if (capacity.Count > 0)
        {
            Pictures.Writer?.History(Path.Combine(dir, "capacity_vs_cycle.png"), runs, new HistoryPlotSpec("cycle", capacity)
            {
                Title = "Capacity of the connected active material", XLabel = "cycle", YLabel = "capacity estimate (mAh/g of active material)",
                References = PaperReferences.CapacitySe,
            });
        }
        var broken = runs.SelectMany(r => r.Columns.Where(c => c.StartsWith("full_pf_mean_") || c.StartsWith("charged_pf_mean_"))).Distinct().ToList();
        if (broken.Count == 0) return;
        Pictures.Writer?.History(Path.Combine(dir, "integrity_vs_cycle.png"), runs, new HistoryPlotSpec("cycle", broken)
        {
            Title = "Expected fraction of broken particles (Weibull)", XLabel = "cycle", YLabel = "expected broken particles (%)", YScale = 100,
        });
    }

    static IReadOnlyList<StudyRow> Compare(List<Ensemble> ensembles)
    {
        var rows = new List<StudyRow>();
        void AddValues(string quantity, Ensemble e, Func<HistoryRun, IReadOnlyList<(int Cycle, double Value)>> series, IReadOnlyList<ReferencePoint>? reference, string unit, double scale)
        {
            var all = e.Runs.Select(series).Where(v => v.Count > 0).ToList();
            if (all.Count == 0) return;
            // runs that stopped early end the comparison at the last cycle they all completed
            int lastCycle = all.Min(v => v[^1].Cycle);
            var first = all.Select(v => v[0].Value * scale).ToArray();
            var last = all.Select(v => v.Last(p => p.Cycle <= lastCycle).Value * scale).ToArray();
            rows.Add(new StudyRow($"{quantity} ({e.Preset})", first.Average(), last.Average(), reference?[0].Y * scale, reference?[1].Y * scale, unit, lastCycle)
            {
                OursFirstSd = SampleSd(first), OursLastSd = SampleSd(last), Samples = all.Count,
            });
        }
        // paperFor: a column only the paper's cathode has (its MSe values are of the Se-MSe cathode)
        void Add(string quantity, string column, IReadOnlyList<ReferencePoint>? paper, string unit, double scale, string? paperFor = null)
        {
            foreach (var e in ensembles.Where(e => e.Runs[0].Columns.Contains(column)))
            {
                var reference = paperFor is null || e.Runs[0].Columns.Contains(paperFor) ? paper : null;
                AddValues(quantity, e, r => Ensemble.Series(r, column), reference, unit, scale);
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
        // how much of each phase sits in badly distorted elements (docs/simulation.md, "Mesh distortion")
        foreach (var phase in ensembles.SelectMany(e => e.Runs[0].Columns).Where(c => c.StartsWith("full_distorted_area_")).Distinct().ToList())
            Add($"area in distorted elements, {phase["full_distorted_area_".Length..]}", phase, null, "%", 100);
        // the largest stress anywhere in the cathode, framework included
        foreach (var e in ensembles)
            AddValues("max von Mises, whole cathode", e, r => Ensemble.Series(r, Ensemble.CathodeMax(r)), null, "GPa", 1e-9);
        // the same, robust to point singularities at contact corners (docs/simulation.md)
        Add("von Mises exceeded on 1 % of the solids", "full_vm_p99_solids_Pa", null, "GPa", 1e-9);
        // the connected active material and the composite's transport (docs/transport.md)
        Add("active material connected, full lithiation", "full_active_connected", null, "%", 100);
        Add("active material connected, end of charge", "charged_active_connected", null, "%", 100);
        Add("capacity estimate, full lithiation (paper: Se utilization, Fig. 5a)", "full_capacity_estimate_mAh_g", PaperReferences.CapacitySe, "mAh/g", 1, paperFor: "full_vm_mean_Se_Pa");
        Add("capacity estimate, end of charge (paper: Se utilization, Fig. 5a)", "charged_capacity_estimate_mAh_g", PaperReferences.CapacitySe, "mAh/g", 1, paperFor: "full_vm_mean_Se_Pa");
        Add("effective ionic conductivity / bulk, full lithiation", "full_ionic_conductivity_relative", null, "%", 100);
        Add("effective electronic conductivity / bulk, full lithiation", "full_electronic_conductivity_relative", null, "%", 100);
        Add("effective electronic conductivity, full lithiation", "full_electronic_conductivity_S_per_m", null, "S/m", 1);
        Add("effective electronic conductivity, end of charge", "charged_electronic_conductivity_S_per_m", null, "S/m", 1);
        AddIntegrity(ensembles, Add);
        return rows;
    }

    /// <summary>Particle integrity (docs/integrity.md): per phase with fracture properties the expected
    /// fraction of broken particles and the largest principal stress, per phase pair the contacts of full
    /// lithiation open again at the end of charge.</summary>
    static void AddIntegrity(List<Ensemble> ensembles, Action<string, string, IReadOnlyList<ReferencePoint>?, string, double, string?> add)
    {
        var columns = ensembles.SelectMany(e => e.Runs[0].Columns).Distinct().ToList();
        IEnumerable<string> Suffixes(string prefix, string end = "") =>
            columns.Where(c => c.StartsWith(prefix, StringComparison.Ordinal) && c.EndsWith(end, StringComparison.Ordinal)).Select(c => c[prefix.Length..^end.Length]);
        foreach (string phase in Suffixes("full_pf_mean_"))
        {
            add($"expected broken particles {phase}, full lithiation", $"full_pf_mean_{phase}", null, "%", 100, null);
            add($"expected broken particles {phase}, end of charge", $"charged_pf_mean_{phase}", null, "%", 100, null);
            add($"largest principal stress {phase}, full lithiation", $"full_sigma1_max_{phase}_Pa", null, "GPa", 1e-9, null);
            add($"largest principal stress {phase}, end of charge", $"charged_sigma1_max_{phase}_Pa", null, "GPa", 1e-9, null);
        }
        foreach (string pair in Suffixes("contact_loss_"))
            add($"contacts lost on charge {pair.Replace('_', '-')}", $"contact_loss_{pair}", null, "%", 100, null);
    }

    static double? SampleSd(double[] v)
    {
        if (v.Length < 2) return null;
        double mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }

    /// <summary>"35.1 ± 6.5": the spread to two significant digits, the mean to the same decimal place,
    /// but never to more than four significant digits of the mean.</summary>
    public static string MeanAndSpread(double mean, double sd)
    {
        if (!(sd > 0)) return $"{mean.ToString("G4", CultureInfo.InvariantCulture)} ± 0";
        int decimals = Math.Max(0, 1 - (int)Math.Floor(Math.Log10(sd)));
        if (mean != 0) decimals = Math.Min(decimals, Math.Max(0, 3 - (int)Math.Floor(Math.Log10(Math.Abs(mean)))));
        string f = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return decimals > 6
            ? $"{mean.ToString("G4", CultureInfo.InvariantCulture)} ± {sd.ToString("G2", CultureInfo.InvariantCulture)}"
            : $"{mean.ToString(f, CultureInfo.InvariantCulture)} ± {sd.ToString(f, CultureInfo.InvariantCulture)}";
    }

    public static string Markdown(StudyResult result)
    {
        string F(double? v) => v is double x ? x.ToString("G4", CultureInfo.InvariantCulture) : "-";
        string Ours(double? v, double? sd) => sd is double s && v is double m ? MeanAndSpread(m, s) : F(v);
        var sb = new StringBuilder();
        sb.Append(result.RemeshAngle > 0
            ? $"Bodies remeshed when an element distorts below {result.RemeshAngle.ToString(CultureInfo.InvariantCulture)} degrees ([solver] remesh_angle).\n\n"
            : "Without remeshing (the presets as they are).\n\n");
        if (result.Seeds is { Count: > 1 } seeds)
            sb.Append($"Ours: mean ± sample standard deviation over {seeds.Count} packings (seeds {string.Join(", ", seeds)}).\n\n");
        sb.Append("| quantity | ours, cycle 1 | ours, last cycle | last cycle | paper, cycle 1 | paper, cycle 20 | unit |\n|---|---:|---:|---:|---:|---:|---|\n");
        foreach (var r in result.Rows)
            sb.Append($"| {r.Quantity} | {Ours(r.OursFirst, r.OursFirstSd)} | {Ours(r.OursLast, r.OursLastSd)} | {r.LastCycle} | {F(r.PaperFirst)} | {F(r.PaperLast)} | {r.Unit} |\n");
        sb.Append("\nValues at full lithiation. Paper: Fig. 4 and its Results text (LCO-MSe contact ratios stated as constant; LCO stress \"up to about 3 GPa\").\n");
        if (result.Claims.Count > 0)
        {
            sb.Append("\n| the paper's Fig. 4 says | holds in | measured |\n|---|---:|---|\n");
            foreach (var c in result.Claims) sb.Append($"| {c.Statement} | {c.Holds} of {c.Runs} | {c.Measured} |\n");
        }
        return sb.ToString();
    }
}
