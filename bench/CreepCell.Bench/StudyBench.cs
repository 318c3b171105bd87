using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Bench;

/// <summary>
/// The composite-cathode preset (se-60mse by default) at three RVE sizes, each run for a wall-clock
/// budget or to its end: how far it gets (cycle, lithiation), steps, Newton iterations, time per step
/// and per iteration, and where the time goes (numeric factorization, symbolic analysis, contact search,
/// the rest: assembly and line search). Writes bench/results/study.md, or study-remesh.md with a
/// remeshing angle ([solver] remesh_angle, degrees).
/// Usage: study [preset] [minutes per run] [sides in um, comma-separated] [remesh angle]
/// </summary>
static class StudyBench
{
    public static int Run(string[] args)
    {
        string preset = args.Length > 0 ? args[0] : "se-60mse";
        double minutes = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var sides = args.Length > 2 ? args[2].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray() : new[] { 8.0, 12.0, 20.0 };
        double? remesh = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : null;
        var sb = new StringBuilder();
        sb.AppendLine($"# {preset}{(remesh is double r ? $" remeshed below {r} degrees" : "")}: how far a run gets, and what a step costs");
        sb.AppendLine();
        sb.AppendLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}. The built-in preset with only the RVE side changed{(remesh is double a ? $" and remesh_angle = {a}" : "")}; each run stops at its end, at a failed step (exit 3 in the command line) or after {minutes} min of wall time.");
        sb.AppendLine();
        sb.AppendLine("| side (um) | unknowns | ended | reached (cycle, lithiation) | steps | Newton iterations | iterations/step | wall (s) | s/step | ms/iteration | evaluations/iteration | element loops | factorization | analysis | contact search | results output | rest |");
        sb.AppendLine("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (double side in sides)
        {
            string text = BuiltInCases.WithSide(BuiltInCases.Text(preset), side);
            if (remesh is double angle) text = BuiltInCases.WithRemeshAngle(text, angle);
            string dir = Path.Combine(Path.GetTempPath(), $"creepcell-bench-study-{side}");
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            var def = CaseReader.Read(preset, text, dir);
            RunProgress? last = null;
            var clock = Stopwatch.StartNew();
            using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
            var runner = new CaseRunner(def, dir, p => last = p) { Cancellation = budget.Token };
            string ended;
            try
            {
                runner.Run();
                ended = "finished";
            }
            catch (OperationCanceledException)
            {
                ended = "time budget";
            }
            catch (NotConvergedException)
            {
                ended = "failed step";
            }
            double wall = clock.Elapsed.TotalSeconds;
            var s = runner.Statistics;
            int steps = last?.Step ?? 0;
            double rest = wall - s.FactorSeconds - s.AnalyzeSeconds - s.ContactSeconds - s.AssemblySeconds - s.RecordSeconds;
            string Share(double x) => $"{100 * x / wall:F0} %";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {side} | {s.Unknowns} | {ended} | {last?.Cycle ?? 0}, {last?.Lithiation ?? 0:F3} | {steps} | {s.NewtonIterations} | {(steps > 0 ? (double)s.NewtonIterations / steps : 0):F1} | {wall:F0} | {(steps > 0 ? wall / steps : 0):F2} | {(s.NewtonIterations > 0 ? 1000 * wall / s.NewtonIterations : 0):F0} | {(s.NewtonIterations > 0 ? (double)s.Evaluations / s.NewtonIterations : 0):F2} | {Share(s.AssemblySeconds)} | {Share(s.FactorSeconds)} | {Share(s.AnalyzeSeconds)} | {Share(s.ContactSeconds)} | {Share(s.RecordSeconds)} | {Share(rest)} |");
            Console.WriteLine($"side {side} um: {ended} at cycle {last?.Cycle}, lithiation {last?.Lithiation:F3}, {steps} steps, {wall:F0} s");
        }
        Directory.CreateDirectory(Path.Combine("bench", "results"));
        File.WriteAllText(Path.Combine("bench", "results", remesh is null ? "study.md" : "study-remesh.md"), sb.ToString());
        Console.Write(sb);
        return 0;
    }
}
