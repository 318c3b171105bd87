using CreepCell.Io.Plots;

namespace CreepCell.Simulation;

/// <summary>The cycles.csv of one preset's runs: one per seed, in the order of the seeds.</summary>
sealed record Ensemble(string Preset, IReadOnlyList<HistoryRun> Runs)
{
    /// <summary>(cycle, value) of the rows where the value is finite (a stopped run leaves its last cycle open).</summary>
    public static IReadOnlyList<(int Cycle, double Value)> Series(HistoryRun run, Func<double[], double> value)
    {
        int c = run.Columns.ToList().IndexOf("cycle");
        return run.Rows.Select((row, i) => (Cycle: c >= 0 ? (int)row[c] : i + 1, Value: value(row)))
            .Where(p => double.IsFinite(p.Value)).ToList();
    }

    public static IReadOnlyList<(int Cycle, double Value)> Series(HistoryRun run, string column)
    {
        int c = run.Columns.ToList().IndexOf(column);
        return c < 0 ? Array.Empty<(int, double)>() : Series(run, row => row[c]);
    }

    /// <summary>The largest von Mises stress of any phase: the whole cathode's.</summary>
    public static Func<double[], double> CathodeMax(HistoryRun run)
    {
        var max = run.Columns.Select((name, i) => (name, i)).Where(x => x.name.StartsWith("full_vm_max_")).Select(x => x.i).ToArray();
        return row => max.Length == 0 ? double.NaN : max.Max(i => row[i]);
    }

    /// <summary>Cycle by cycle mean of the full-lithiation columns over the runs, for the cycles all of them completed.</summary>
    public HistoryRun MeanRun()
    {
        var columns = Runs[0].Columns.Where(c => c == "cycle" || c.StartsWith("full_")).ToList();
        // per run, where each column sits (-1: the run does not have it)
        var at = Runs.Select(r => columns.Select(c => r.Columns.ToList().IndexOf(c)).ToArray()).ToArray();
        var rows = new List<double[]>();
        for (int i = 0; ; i++)
        {
            var row = columns.Select((_, c) => Enumerable.Range(0, Runs.Count)
                .Average(k => i < Runs[k].Rows.Count && at[k][c] >= 0 ? Runs[k].Rows[i][at[k][c]] : double.NaN)).ToArray();
            if (!row.All(double.IsFinite)) break;
            rows.Add(row);
        }
        return new HistoryRun(Runs.Count == 1 ? Runs[0].Name : $"{Preset}, mean of {Runs.Count} seeds", columns, rows);
    }
}
