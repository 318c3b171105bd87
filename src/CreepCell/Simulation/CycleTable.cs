using System.Globalization;
using System.Text;
using CreepCell.Io;

namespace CreepCell.Simulation;

/// <summary>cycles.csv and cycles.parquet: per cycle the history rows at full lithiation and at the end of charge.</summary>
static class CycleTable
{
    /// <summary>Rows of history that close a lithiation (full) or a delithiation (end of charge), per cycle;
    /// the charged values are missing for a cycle whose charge a stopped run did not finish.</summary>
    public static void Write(string outDir, CaseDefinition def, IReadOnlyList<string> columns, Integrity.IntegrityRecorder? integrity, StepState s)
    {
        var (rows, log, jumps) = (s.HistoryRows, s.Integrity, s.Jump.Jumps);
        var phaseCols = columns.Skip(6).ToList();
        var header = new List<string> { "cycle", "full_time_s", "full_lithiation" };
        header.AddRange(phaseCols.Select(c => "full_" + c));
        header.AddRange(new[] { "charged_time_s", "charged_lithiation" });
        header.AddRange(phaseCols.Select(c => "charged_" + c));
        header.AddRange(integrity?.CycleHeader() ?? Enumerable.Empty<string>());
        if (def.Jump.Enabled) header.Add("cycles_jumped_before");
        var table = new List<double?[]>();
        var times = rows.Select(r => r[0]).ToArray();
        for (int cycle = 1; cycle <= def.Protocol.CycleCount; cycle++)
        {
            var full = RowAt(rows, times, def.Protocol.HalfCycleEnd(cycle, HalfCycle.Lithiation));
            if (full is null && def.Jump.Enabled && cycle < def.Protocol.CycleCount) continue;
            if (full is null) break;
            var charged = RowAt(rows, times, def.Protocol.HalfCycleEnd(cycle, HalfCycle.Delithiation));
            var cells = new List<double?> { cycle };
            cells.AddRange(Values(full, phaseCols.Count));
            cells.AddRange(charged is null ? Enumerable.Repeat<double?>(null, phaseCols.Count + 2) : Values(charged, phaseCols.Count));
            cells.AddRange(integrity?.CycleCells(log, full[0], charged?[0]) ?? Enumerable.Empty<double?>());
            if (def.Jump.Enabled) cells.Add(jumps.Where(j => j.To == cycle - 1).Sum(j => j.To - j.From));
            table.Add(cells.ToArray());
        }
        var sb = new StringBuilder(string.Join(',', header)).Append('\n');
        foreach (var r in table) sb.Append(string.Join(',', r.Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? ""))).Append('\n');
        AtomicFile.WriteAllText(Path.Combine(outDir, "cycles.csv"), sb.ToString());
        ParquetTables.Write(Path.Combine(outDir, "cycles.parquet"), header, table);
        if (!def.Jump.Enabled) return;
        LongHorizonPlots.Write(outDir, header, table);
        // what the jumping did: each jump, on which rule, and each check with its largest deviation
        AtomicFile.WriteAllText(Path.Combine(outDir, "jumps.txt"), string.Concat(s.Jump.Log.Select(l => l + "\n")));
    }

    /// <summary>The last row at time <paramref name="end"/> (rows ascend in time), or null.</summary>
    static double[]? RowAt(List<double[]> rows, double[] times, double end)
    {
        if (double.IsNaN(end)) return null;
        double tol = 1e-9 * Math.Max(1, end);
        int i = Array.BinarySearch(times, end + tol);
        for (int k = (i >= 0 ? i : ~i) - 1; k >= 0 && times[k] >= end - tol; k--)
            if (Math.Abs(times[k] - end) <= tol) return rows[k];
        return null;
    }

    static IEnumerable<double?> Values(double[] row, int phaseCount) =>
        new[] { row[0], row[4] }.Concat(row.Skip(6).Take(phaseCount)).Select(v => (double?)v);
}
