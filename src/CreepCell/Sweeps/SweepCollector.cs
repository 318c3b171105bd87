using System.Globalization;
using CreepCell.Io;
using CreepCell.Io.Plots;

namespace CreepCell.Sweeps;

/// <summary>
/// Gathers a sweep from its folders alone: results_runs.csv/.parquet (a row per run: parameters, status,
/// every cycles.csv quantity at the chosen cycles), results.csv/.parquet (a row per parameter point: the
/// mean, sample standard deviation and Student-t 95 % confidence interval of each quantity over the
/// point's finished runs, i.e. over seeds), main-effect sensitivities and plots with error bars.
/// </summary>
public static class SweepCollector
{
    /// <summary>The tables collect writes at the top of a sweep folder (the plots go to plots/).</summary>
    public static readonly IReadOnlyList<string> OutputFiles = new[] { "results.csv", "results.parquet", "results_runs.csv", "results_runs.parquet", "sensitivities.csv" };

    public static CollectResult Collect(string dir, CollectOptions options)
    {
        var manifest = SweepFolder.ReadManifest(dir);
        var states = SweepFolder.WriteIndex(dir);
        var values = states.Select(s => s.State == RunState.Finished ? Quantities(SweepPlan.RunFolder(dir, s.Run.Id), options.Cycles) : null).ToList();
        var quantities = values.Where(v => v is not null).SelectMany(v => v!.Keys).Distinct().ToList();
        var parameters = manifest.Parameters;
        var byRun = new List<TableColumn>
        {
            TableColumn.Of("run_id", states.Select(s => (string?)s.Run.Id.ToString("D4", CultureInfo.InvariantCulture))),
            TableColumn.Of("point", states.Select(s => (double?)s.Run.Point)),
        };
        byRun.AddRange(parameters.Select(p => ParameterColumn(p, states.Select(s => s.Run.Values.GetValueOrDefault(p)).ToList())));
        byRun.Add(TableColumn.Of("status", states.Select(s => (string?)SweepFolder.StateName(s.State))));
        byRun.AddRange(quantities.Select(q => TableColumn.Of(q, values.Select(v => v is not null && v.TryGetValue(q, out double x) ? x : (double?)null))));
        var runTable = new SweepTable(byRun);
        var pointTable = ByPoint(manifest, states, values, quantities);
        runTable.WriteCsv(Path.Combine(dir, "results_runs.csv"));
        runTable.WriteParquet(Path.Combine(dir, "results_runs.parquet"));
        pointTable.WriteCsv(Path.Combine(dir, "results.csv"));
        pointTable.WriteParquet(Path.Combine(dir, "results.parquet"));
        var swept = parameters.Where(p => p != SweepSpec.SeedKey && runTable[p].Numbers is not null).ToList();
        MainEffects.Table(runTable, swept, quantities).WriteCsv(Path.Combine(dir, "sensitivities.csv"));
        var plots = Pictures.Writer?.Sweep(dir, pointTable, swept, PlotQuantities(quantities, options)) ?? Array.Empty<string>();
        return new CollectResult(states.Count, states.Count(s => s.State == RunState.Finished), states.Count(s => s.State == RunState.Failed),
            manifest.Runs.Select(r => r.Point).Distinct().Count(), runTable, pointTable, plots);
    }

    /// <summary>Every cycles.csv column (but the cycle number) at each chosen cycle, named COLUMN_cN (COLUMN_last).</summary>
    static Dictionary<string, double> Quantities(string runDir, IReadOnlyList<int> cycles)
    {
        var run = HistoryRun.ReadCsv(Path.Combine(runDir, "cycles.csv"), allowEmpty: true);
        var result = new Dictionary<string, double>();
        int cycleColumn = run.Columns.ToList().IndexOf("cycle");
        foreach (int c in cycles)
        {
            var row = c == 0 ? run.Rows.LastOrDefault() : run.Rows.FirstOrDefault(r => (int)r[cycleColumn] == c);
            if (row is null) continue;
            string suffix = c == 0 ? "_last" : $"_c{c}";
            for (int i = 0; i < run.Columns.Count; i++)
                if (i != cycleColumn && double.IsFinite(row[i])) result[run.Columns[i] + suffix] = row[i];
        }
        return result;
    }

    /// <summary>A parameter as SI numbers when every value is a number or a quantity with a unit, else as written.</summary>
    static TableColumn ParameterColumn(string name, IReadOnlyList<string?> written)
    {
        var si = written.Select(w => w is null ? null : SweepRanges.SiValue(CaseOverrides.ParseValue(w))).ToList();
        return si.All(v => v is not null) ? TableColumn.Of(name, si) : TableColumn.Of(name, written.Select(w => w is null ? null : CaseOverrides.ParseValue(w) as string ?? w));
    }

    static SweepTable ByPoint(SweepFolder.Manifest m, IReadOnlyList<(SweepFolder.ManifestRun Run, RunState State)> states,
        IReadOnlyList<Dictionary<string, double>?> values, IReadOnlyList<string> quantities)
    {
        var points = m.Runs.Select(r => r.Point).Distinct().Order().ToList();
        var first = points.Select(p => m.Runs.First(r => r.Point == p)).ToList();
        var columns = new List<TableColumn> { TableColumn.Of("point", points.Select(p => (double?)p)) };
        columns.AddRange(m.Parameters.Where(p => p != SweepSpec.SeedKey).Select(p => ParameterColumn(p, first.Select(r => r.Values.GetValueOrDefault(p)).ToList())));
        columns.Add(TableColumn.Of("runs", points.Select(p => (double?)states.Count(s => s.Run.Point == p))));
        columns.Add(TableColumn.Of("finished", points.Select(p => (double?)states.Count(s => s.Run.Point == p && s.State == RunState.Finished))));
        foreach (var q in quantities)
        {
            var stats = points.Select(p => Statistics.Of(states.Select((s, i) => (s, i)).Where(x => x.s.Run.Point == p && values[x.i] is { } v && v.ContainsKey(q))
                .Select(x => values[x.i]![q]).ToList())).ToList();
            columns.Add(TableColumn.Of(q + "_mean", stats.Select(s => s.Mean)));
            columns.Add(TableColumn.Of(q + "_sd", stats.Select(s => s.Sd)));
            columns.Add(TableColumn.Of(q + "_ci95_low", stats.Select(s => s.CiLow)));
            columns.Add(TableColumn.Of(q + "_ci95_high", stats.Select(s => s.CiHigh)));
        }
        return new SweepTable(columns);
    }

    static readonly string[] Headline = { "full_vm_mean_", "full_contact_ratio_", "full_porosity", "full_stack_stress_Pa" };

    /// <summary>The chosen columns at the last chosen cycle (the headline ones by default).</summary>
    static IReadOnlyList<string> PlotQuantities(IReadOnlyList<string> quantities, CollectOptions o)
    {
        string suffix = o.Cycles[^1] == 0 ? "_last" : $"_c{o.Cycles[^1]}";
        return quantities.Where(q => q.EndsWith(suffix, StringComparison.Ordinal))
            .Where(q => o.Plot is { } chosen ? chosen.Contains(q[..^suffix.Length]) : Headline.Any(h => q.StartsWith(h, StringComparison.Ordinal))).ToList();
    }
}
