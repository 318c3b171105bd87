using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CreepCell.Bench;

/// <summary>
/// A 16-run sweep of the built-in default case (4 x 4 grid of the inclusion's modulus and swelling) made
/// by the command line with --jobs 1 and with --jobs 2: wall time, speedup, and the overhead per run beyond
/// the run itself (sweep wall time times jobs, less the runs' own wall_time_s from summary.json, per run:
/// process start, case reading and the sweep's bookkeeping). Writes bench/results/sweep.md.
/// Usage: sweep [path to CreepCell.Cli.dll] (default: the Release build in src/CreepCell.Cli/bin)
/// </summary>
static class SweepBench
{
    const string Sweep = """
        base = "default"
        [vary]
        "materials.SE.youngs_modulus" = ["5 GPa", "10 GPa", "20 GPa", "40 GPa"]
        "materials.SE.swelling" = [0.03, 0.05, 0.0927, 0.15]
        """;

    public static int Run(string[] args)
    {
        string cli = args.Length > 0 ? args[0] : Path.Combine("src", "CreepCell.Cli", "bin", "Release", "net10.0", "CreepCell.Cli.dll");
        if (!File.Exists(cli)) { Console.Error.WriteLine($"{cli} not found; build the solution in Release first"); return 2; }
        string root = Directory.CreateTempSubdirectory("creepcell-bench-sweep-").FullName;
        string file = Path.Combine(root, "sweep.toml");
        File.WriteAllText(file, Sweep);
        var rows = new List<(int Jobs, double Wall, double RunSum, double Load1, double Load2)>();
        foreach (int jobs in new[] { 1, 2 })
        {
            double load1 = LoadAverage();
            var clock = Stopwatch.StartNew();
            int code = Cli(cli, "sweep", file, "--out", Path.Combine(root, $"jobs{jobs}"), "--jobs", jobs.ToString(CultureInfo.InvariantCulture));
            double wall = clock.Elapsed.TotalSeconds;
            if (code != 0) { Console.Error.WriteLine($"the sweep with --jobs {jobs} ended with exit code {code}"); return 1; }
            double sum = Directory.GetDirectories(Path.Combine(root, $"jobs{jobs}", "runs")).Sum(d =>
                JsonDocument.Parse(File.ReadAllText(Path.Combine(d, "summary.json"))).RootElement.GetProperty("wall_time_s").GetDouble());
            rows.Add((jobs, wall, sum, load1, LoadAverage()));
            Console.WriteLine($"--jobs {jobs}: {wall:F1} s wall, runs' own time {sum:F1} s");
        }
        var sb = new StringBuilder();
        sb.AppendLine("# A 16-run sweep of the default case: --jobs 1 against --jobs 2");
        sb.AppendLine();
        sb.AppendLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. `creepcell sweep` of a 4 x 4 grid of the default " +
            "case (materials.SE.youngs_modulus x materials.SE.swelling; each run 20 steps), one thread per run, from an empty folder. " +
            "Overhead per run = (wall time x jobs - sum of the runs' own wall_time_s) / 16: starting the process, reading the case, the sweep's bookkeeping. " +
            "Load averages (1 min) before and after each sweep are from /proc/loadavg; other work on the machine slows both sweeps and the speedup.");
        sb.AppendLine();
        sb.AppendLine("| --jobs | wall (s) | speedup | runs' own time, sum (s) | mean run (s) | overhead per run (s) | load average before / after |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in rows)
            sb.AppendLine(FormattableString.Invariant($"| {r.Jobs} | {r.Wall:F1} | {rows[0].Wall / r.Wall:F2} | {r.RunSum:F1} | {r.RunSum / 16:F2} | {(r.Wall * r.Jobs - r.RunSum) / 16:F2} | {r.Load1:F2} / {r.Load2:F2} |"));
        sb.AppendLine();
        double load = rows.Max(r => Math.Max(r.Load1, r.Load2)), slowdown = rows[^1].RunSum / rows[0].RunSum;
        // the runs' own times tell whether two runs at a time had two cores, whatever the load average says
        string note = slowdown > 1.15
            ? FormattableString.Invariant($"The machine was busy with other work (load average up to {load:F0} on {Environment.ProcessorCount} cores): a run took {slowdown:F2} times as long with two at a time as alone, so two runs did not get two cores. The speedup and the overhead here say more about the load than about the sweep; measure again on a quiet machine.")
            : FormattableString.Invariant($"A run took {slowdown:F2} times as long with two at a time as alone: the two runs had a core each (load average up to {load:F1}).");
        sb.AppendLine(note).AppendLine();
        sb.AppendLine("Command: `dotnet run -c Release --project bench/CreepCell.Bench -- sweep`");
        Directory.CreateDirectory(Path.Combine("bench", "results"));
        File.WriteAllText(Path.Combine("bench", "results", "sweep.md"), sb.ToString());
        Console.Write(sb);
        return 0;
    }

    static int Cli(string dll, params string[] args)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode;
    }

    static double LoadAverage() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;
}
