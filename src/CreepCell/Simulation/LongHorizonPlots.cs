using CreepCell.Io;
using CreepCell.Io.Plots;

namespace CreepCell.Simulation;

/// <summary>
/// The long-horizon evolution of a run that jumps over cycles: per cycle computed in full, at full
/// lithiation, the contact ratios and porosity (long_horizon_contact.png) and the phase mean stresses
/// (long_horizon_stress.png) against the cycle number on a logarithmic axis.
/// </summary>
static class LongHorizonPlots
{
    public const string Pattern = "long_horizon_*.png";

    public static void Write(string outDir, IReadOnlyList<string> header, IReadOnlyList<double?[]> table)
    {
        if (table.Count < 2) return;
        var rows = table.Select(r => r.Select(v => v ?? double.NaN).ToArray()).ToList();
        var run = new HistoryRun("run", header, rows, "cycles.csv", allowMissing: true);
        var contact = header.Where(c => c.StartsWith("full_contact_ratio_", StringComparison.Ordinal) || c == "full_porosity").ToList();
        var stress = header.Where(c => c.StartsWith("full_vm_mean_", StringComparison.Ordinal) && !c.Contains("solids")).ToList();
        if (contact.Count > 0)
            Pictures.Writer?.History(Path.Combine(outDir, "long_horizon_contact.png"), new[] { run }, new HistoryPlotSpec("cycle", contact)
            {
                Title = "contact ratios and porosity at full lithiation, cycles computed in full", XLabel = "cycle", YLabel = "%", YScale = 100, LogX = true,
            });
        if (stress.Count > 0)
            Pictures.Writer?.History(Path.Combine(outDir, "long_horizon_stress.png"), new[] { run }, new HistoryPlotSpec("cycle", stress)
            {
                Title = "mean von Mises stress per phase at full lithiation, cycles computed in full", XLabel = "cycle", YLabel = "stress (MPa)", YScale = 1e-6, LogX = true,
            });
    }
}
