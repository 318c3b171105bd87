using System.Diagnostics;
using System.Globalization;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Bench;

/// <summary>
/// The counts that decide the speed of a run, independent of the machine: steps, Newton iterations,
/// force evaluations, rejected line-search trials and factorizations, with the wall time, and the
/// results that must not move (per cycle at full lithiation: contact ratios and phase mean stresses).
/// Usage: engine [preset] [side um] [cycles] [remesh angle] [max_creep_increment, 0 = the preset's] [out dir]
///        engine-compare DIR_A DIR_B (largest differences of the cycles.csv results of two runs)
/// </summary>
static class EngineBench
{
    public static int Run(string[] args)
    {
        string preset = args.Length > 0 ? args[0] : "se-60mse";
        double side = Arg(args, 1, 8), cycles = Arg(args, 2, 20), remesh = Arg(args, 3, 10), creep = Arg(args, 4, 0);
        string dir = args.Length > 5 ? args[5] : Path.Combine(Path.GetTempPath(), $"creepcell-bench-engine-{side}");
        string text = BuiltInCases.WithSide(BuiltInCases.Text(preset), side);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^cycles = \d+", $"cycles = {cycles}");
        if (remesh > 0) text = BuiltInCases.WithRemeshAngle(text, remesh);
        if (creep > 0) text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^max_creep_increment = \S+", $"max_creep_increment = {creep.ToString(CultureInfo.InvariantCulture)}");
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        var def = CaseReader.Read(preset, text, dir);
        RunProgress? last = null;
        var clock = Stopwatch.StartNew();
        var runner = new CaseRunner(def, dir, p => last = p);
        string ended = "finished";
        try { runner.Run(); }
        catch (NotConvergedException e) { ended = "failed: " + e.Message; }
        double wall = clock.Elapsed.TotalSeconds;
        var s = runner.Statistics;
        int steps = last?.Step ?? 0;
        long n = Math.Max(1, s.NewtonIterations);
        Console.WriteLine("| run | steps | Newton iterations | iterations/step | evaluations/iteration | backtracks/iteration | factorizations | wall (s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {preset} {side} um, {cycles} cycles, remesh {remesh}, {ended} | {steps} | {s.NewtonIterations} | {(double)s.NewtonIterations / Math.Max(1, steps):F2} | {(double)s.Evaluations / n:F2} | {(double)s.Backtracks / n:F2} | {s.Factorizations} | {wall:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GC: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, allocated {GC.GetTotalAllocatedBytes() / 1e9:F2} GB, paused {GC.GetTotalPauseDuration().TotalSeconds:F1} s; assembly {s.AssemblySeconds:F1} s, factor {s.FactorSeconds:F1} s, contact {s.ContactSeconds:F1} s, record {s.RecordSeconds:F1} s, CPU {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s"));
        PrintResults(dir);
        return ended == "finished" ? 0 : 3;
    }

    static double Arg(string[] args, int i, double fallback) => args.Length > i ? double.Parse(args[i], CultureInfo.InvariantCulture) : fallback;

    /// <summary>Columns of cycles.csv that the accuracy statement is about.</summary>
    static bool Watched(string column) => column.StartsWith("full_contact_ratio_") || (column.StartsWith("full_vm_mean_") && !column.Contains("solids"));

    static (string[] Header, List<double[]> Rows) ReadCycles(string dir)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, "cycles.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(c => c.Length == 0 ? double.NaN : double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToList();
        return (header, rows);
    }

    static void PrintResults(string dir)
    {
        var (header, rows) = ReadCycles(dir);
        foreach (var row in new[] { rows.First(), rows.Last() })
        {
            var cells = header.Select((h, i) => (h, i)).Where(x => Watched(x.h))
                .Select(x => x.h.StartsWith("full_contact") ? $"{x.h[5..]} {100 * row[x.i]:F2} %" : $"{x.h[5..]} {row[x.i] / 1e6:F2} MPa");
            Console.WriteLine($"cycle {row[0]}: {string.Join(", ", cells)}");
        }
    }

    /// <summary>Per watched column, the largest difference over the cycles: contact ratios in points, stresses relative.</summary>
    public static int Compare(string[] args)
    {
        var (ha, ra) = ReadCycles(args[0]);
        var (hb, rb) = ReadCycles(args[1]);
        int cycles = Math.Min(ra.Count, rb.Count);
        for (int i = 0; i < ha.Length; i++)
        {
            if (!Watched(ha[i])) continue;
            int j = Array.IndexOf(hb, ha[i]);
            double worst = 0, lastCycle = 0;
            for (int c = 0; c < cycles; c++)
            {
                double a = ra[c][i], b = rb[c][j];
                double d = ha[i].StartsWith("full_contact") ? 100 * (b - a) : 100 * (b - a) / a;
                if (Math.Abs(d) > Math.Abs(worst)) worst = d;
                if (c == cycles - 1) lastCycle = d;
            }
            string unit = ha[i].StartsWith("full_contact") ? "points" : "%";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ha[i][5..]}: cycle {cycles} {lastCycle:+0.00;-0.00} {unit}, largest over cycles {worst:+0.00;-0.00} {unit}"));
        }
        return 0;
    }
}
