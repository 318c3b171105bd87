using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Bench;

/// <summary>
/// Cycle jumping against the same run computed cycle by cycle: cycles computed in full, steps, Newton
/// iterations and wall time of both, and the largest differences of the jumped run at the cycles it
/// computed (contact ratios, contact fractions and porosity in points; phase mean stresses and creep
/// strains in %).
/// Usage: jump [preset or case file] [cycles] [tolerance] [side um, 0 = the case's] [out dir] [full run dir]
/// With a full run's output directory (of the same case and cycles) as the last argument, only the jumped
/// run is computed and compared with it.
/// </summary>
static class JumpBench
{
    public static int Run(string[] args)
    {
        string source = args.Length > 0 ? args[0] : "se-60mse";
        int cycles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        string tolerance = args.Length > 2 ? args[2] : "0.005";
        double side = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0;
        string root = args.Length > 4 ? args[4] : Path.Combine(Path.GetTempPath(), "creepcell-bench-jump");
        string text = File.Exists(source) ? File.ReadAllText(source) : BuiltInCases.Text(source);
        if (side > 0) text = BuiltInCases.WithSide(text, side);
        text = Regex.Replace(text, @"(?m)^cycles = \d+", $"cycles = {cycles}");
        text = Regex.Replace(text, @"(?m)^\[protocol\.jump\][^\[]*", "");
        Console.WriteLine($"{source}, {cycles} cycles, tolerance {tolerance}, {DateTime.UtcNow:u}, load {Load()}");
        Console.WriteLine("| run | cycles computed | steps | Newton iterations | wall (s) | CPU (s) | load after |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var full = args.Length > 5 ? args[5] : Once(source, WithJump(text, "false", tolerance), Path.Combine(root, "full"));
        var jumped = Once(source, WithJump(text, "true", tolerance), Path.Combine(root, "jumped"));
        Console.WriteLine();
        foreach (var line in File.ReadLines(Path.Combine(jumped, "jumps.txt"))) Console.WriteLine("    " + line);
        Console.WriteLine();
        Compare(ReadCycles(jumped), ReadCycles(full));
        return 0;
    }

    static string WithJump(string text, string enabled, string tolerance) =>
        Regex.Replace(text, @"(?m)^(\[protocol\][^\[]*)", m => m.Value.TrimEnd() + $"\n\n[protocol.jump]\nenabled = {enabled}\ntolerance = {tolerance}\n\n");

    static string Once(string source, string text, string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        var def = CaseReader.Read(source, text, dir);
        RunProgress? last = null;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var runner = new CaseRunner(def, dir, p => last = p);
        runner.Run();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        int computed = File.ReadAllLines(Path.Combine(dir, "cycles.csv")).Length - 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| jumping {(def.Jump.Enabled ? "on" : "off")} | {computed} | {last?.Step ?? 0} | {runner.Statistics.NewtonIterations} | {clock.Elapsed.TotalSeconds:F1} | {cpu.TotalSeconds:F1} | {Load()} |"));
        return dir;
    }

    static Dictionary<int, Dictionary<string, double>> ReadCycles(string dir)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, "cycles.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => (int)double.Parse(c[0], CultureInfo.InvariantCulture),
            c => header.Zip(c).Where(p => p.Second.Length > 0).ToDictionary(p => p.First, p => double.Parse(p.Second, CultureInfo.InvariantCulture)));
    }

    static bool Fraction(string c) => c.Contains("contact_ratio_") || c.Contains("contact_fraction_") || c.Contains("surface_in_contact_") || c.EndsWith("porosity");
    static bool Relative(string c) => (c.Contains("vm_mean_") || c.Contains("p_mean_") || c.Contains("creep_mean_")) && !c.Contains("solids");

    /// <summary>Per watched column, the largest difference over the computed cycles and where it is.</summary>
    static void Compare(Dictionary<int, Dictionary<string, double>> jumped, Dictionary<int, Dictionary<string, double>> full)
    {
        Console.WriteLine("| quantity | largest difference | at cycle | jumped | full |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var columns = jumped.Values.First().Keys.Where(c => Fraction(c) || Relative(c));
        foreach (var c in columns)
        {
            var worst = jumped.Where(r => full.ContainsKey(r.Key) && r.Value.ContainsKey(c) && full[r.Key].ContainsKey(c))
                .Select(r => (Cycle: r.Key, J: r.Value[c], F: full[r.Key][c]))
                .Select(x => (x.Cycle, x.J, x.F, D: Fraction(c) ? 100 * Math.Abs(x.J - x.F) : x.F == 0 ? 0 : 100 * Math.Abs(x.J - x.F) / Math.Abs(x.F)))
                .MaxBy(x => x.D);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c} | {worst.D:F3} {(Fraction(c) ? "points" : "%")} | {worst.Cycle} | {worst.J:G5} | {worst.F:G5} |"));
        }
    }

    static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
