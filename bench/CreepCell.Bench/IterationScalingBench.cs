using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreepCell.Simulation;

namespace CreepCell.Bench;

/// <summary>
/// The cost of one Newton iteration against the number of unknowns: the preset at several RVE sides,
/// each run for its first steps (the first lithiation), with the solver's own time (element loops,
/// factorization, symbolic analysis, contact) per iteration, which leaves out meshing and output, and
/// the least-squares exponent of that time in the unknowns.
/// Usage: iteration-scaling [preset] [steps per run] [sides in um, comma-separated] [out file]
/// </summary>
static class IterationScalingBench
{
    public static int Run(string[] args)
    {
        string preset = args.Length > 0 ? args[0] : "se-60mse";
        int steps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var sides = (args.Length > 2 ? args[2] : "8,16,32,48").Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        string outFile = args.Length > 3 ? args[3] : Path.Combine("bench", "results", "iteration-scaling.md");
        var sb = new StringBuilder();
        sb.AppendLine($"# {preset}: time per Newton iteration against unknowns");
        sb.AppendLine();
        sb.AppendLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average at the start {LoadAverage()}. The preset with only the RVE side changed, first {steps} steps.");
        sb.AppendLine();
        sb.AppendLine("| side (um) | unknowns | steps | Newton iterations | evaluations/iteration | mesh (s) | solver ms/iteration | element loops | factorization | analysis | contact |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var points = new List<(double Unknowns, double Ms)>();
        foreach (double side in sides)
        {
            string dir = Path.Combine(Path.GetTempPath(), $"creepcell-bench-scaling-{side}");
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            var def = CaseReader.Read(preset, BuiltInCases.WithSide(BuiltInCases.Text(preset), side), dir);
            var meshClock = Stopwatch.StartNew();
            MeshFactory.Build(def.Mesh);
            double mesh = meshClock.Elapsed.TotalSeconds;
            using var stop = new CancellationTokenSource();
            var runner = new CaseRunner(def, dir, p => { if (p.Step >= steps) stop.Cancel(); }) { Cancellation = stop.Token };
            try { runner.Run(); }
            catch (RunInterruptedException) { }
            var s = runner.Statistics;
            double solver = s.AssemblySeconds + s.FactorSeconds + s.AnalyzeSeconds + s.ContactSeconds;
            double ms = 1000 * solver / Math.Max(1, s.NewtonIterations);
            points.Add((s.Unknowns, ms));
            string Share(double x) => $"{100 * x / solver:F0} %";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {side} | {s.Unknowns} | {steps} | {s.NewtonIterations} | {(double)s.Evaluations / Math.Max(1, s.NewtonIterations):F2} | {mesh:F1} | {ms:F1} | {Share(s.AssemblySeconds)} | {Share(s.FactorSeconds)} | {Share(s.AnalyzeSeconds)} | {Share(s.ContactSeconds)} |");
            Console.WriteLine($"side {side} um: {s.Unknowns} unknowns, {ms:F1} ms per iteration");
        }
        sb.AppendLine();
        if (points.Select(q => q.Unknowns).Distinct().Count() > 1)
            sb.AppendLine(CultureInfo.InvariantCulture, $"Least-squares exponent of the solver time per iteration in the unknowns: {Exponent(points):F2}.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        File.WriteAllText(outFile, sb.ToString());
        Console.Write(sb);
        return 0;
    }

    static double Exponent(List<(double Unknowns, double Ms)> p)
    {
        var x = p.Select(q => Math.Log(q.Unknowns)).ToArray();
        var y = p.Select(q => Math.Log(q.Ms)).ToArray();
        double mx = x.Average(), my = y.Average();
        return x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / x.Sum(a => (a - mx) * (a - mx));
    }

    static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
