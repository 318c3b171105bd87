using System.CommandLine;
using System.Globalization;
using CreepCell.Cli.Sweeps;
using CreepCell.Sweeps;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell sweep SWEEP.toml --out DIR` (parameter sweeps and seed ensembles, locally or as a
/// Slurm job array), `creepcell sweep status DIR`, `creepcell sweep collect DIR`.</summary>
static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("sweep") { Description = "sweep file (TOML; docs/sweeps.md)" };
        var outDir = new Option<string>("--out") { Description = "sweep folder (runs/NNNN per run, runs.csv, results)", Required = true };
        var jobs = new Option<int?>("--jobs") { Description = "runs at a time (default: cores / --threads); with --slurm the array's % throttle" };
        var threads = new Option<int>("--threads", "--cpus-per-task") { Description = "threads per run (with --slurm: the tasks' --cpus-per-task)", DefaultValueFactory = _ => 1 };
        var retry = new Option<bool>("--retry-failed") { Description = "run failed runs again (resuming from their checkpoints)" };
        var slurm = new Option<bool>("--slurm") { Description = "submit one sbatch job array instead of running here" };
        var dryRun = new Option<bool>("--dry-run") { Description = "with --slurm: write the script without submitting it" };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition" };
        var time = new Option<string?>("--time") { Description = "Slurm time limit per run (e.g. 02:00:00); a run stopped by it resumes on the next submission" };
        var memory = new Option<string?>("--mem") { Description = "Slurm memory per run (e.g. 4G)" };
        var account = new Option<string?>("--account") { Description = "Slurm account" };
        var extra = new Option<string[]>("--sbatch") { Description = "any other sbatch option, as written after #SBATCH (repeatable), e.g. --sbatch=--qos=short" };
        var cmd = new Command("sweep", "Run a parameter sweep or seed ensemble of a case, here in parallel or as a Slurm job array");
        cmd.Arguments.Add(file);
        foreach (var o in new Option[] { outDir, jobs, threads, retry, slurm, dryRun, partition, time, memory, account, extra }) cmd.Options.Add(o);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            int t = pr.GetValue(threads);
            if (t < 1) throw new InputException("command line", "--threads", "expected a positive count");
            int? j = pr.GetValue(jobs);
            if (j is < 1) throw new InputException("command line", "--jobs", "expected a positive count");
            bool useSlurm = pr.GetValue(slurm);
            if (pr.GetValue(dryRun) && !useSlurm) throw new InputException("command line", "--dry-run", "--dry-run writes a Slurm script; give --slurm too");
            string path = pr.GetValue(file)!;
            var plan = SweepPlan.Expand(SweepSpec.ReadFile(path));
            string dir = Path.GetFullPath(pr.GetValue(outDir)!);
            SweepFolder.Prepare(plan, dir, File.ReadAllText(path));
            var ids = RunLauncher.ToRun(dir, pr.GetValue(retry));
            int finished = SweepFolder.WriteIndex(dir).Count(s => s.State == RunState.Finished);
            Console.WriteLine($"sweep of {plan.Runs.Count} runs ({plan.PointCount} parameter points) in {dir}: {finished} finished, {ids.Count} to run");
            if (ids.Count == 0) return Report(dir);
            if (useSlurm)
            {
                var options = new SlurmOptions(pr.GetValue(partition), pr.GetValue(time), t, pr.GetValue(memory), pr.GetValue(account),
                    pr.GetValue(extra) ?? Array.Empty<string>(), j ?? Math.Min(ids.Count, 100));
                string script = SlurmExecutor.WriteScript(dir, ids, options);
                if (pr.GetValue(dryRun))
                {
                    Console.WriteLine($"wrote {script}; submit it with: sbatch {script}");
                    return ExitCodes.Ok;
                }
                Console.WriteLine($"submitted job {SlurmExecutor.Submit(dir, script)} ({ids.Count} array tasks); follow it with `creepcell sweep status {dir}`");
                return ExitCodes.Ok;
            }
            int n = j ?? Math.Max(1, Environment.ProcessorCount / t);
            new LocalExecutor(n, t, Console.WriteLine).Run(dir, ids);
            return Report(dir);
        }));
        cmd.Subcommands.Add(StatusCommand());
        cmd.Subcommands.Add(CollectCommand());
        return cmd;
    }

    /// <summary>Counts per state and the runs that are not finished; exit code 3 when some failed.</summary>
    static int Report(string dir)
    {
        var states = SweepFolder.WriteIndex(dir);
        Console.WriteLine(string.Join(", ", Enum.GetValues<RunState>().Select(s => $"{states.Count(x => x.State == s)} {SweepFolder.StateName(s)}")));
        foreach (var (run, state) in states.Where(s => s.State != RunState.Finished))
        {
            string msg = state == RunState.Failed ? ": " + SweepFolder.FailureMessage(SweepPlan.RunFolder(dir, run.Id)) : "";
            Console.WriteLine($"  run {run.Id:D4} {SweepFolder.StateName(state)}{msg}");
        }
        string jobsFile = Path.Combine(dir, "slurm", "jobs.txt");
        if (File.Exists(jobsFile)) Console.WriteLine($"Slurm jobs of this sweep: {string.Join(", ", File.ReadAllLines(jobsFile).Where(l => l.Length > 0))} (squeue -j ID shows those still queued)");
        return states.Any(s => s.State == RunState.Failed) ? ExitCodes.NotConverged : ExitCodes.Ok;
    }

    static Command StatusCommand()
    {
        var dir = new Argument<string>("dir") { Description = "sweep folder" };
        var cmd = new Command("status", "Show where each run of a sweep stands (from its folder) and update runs.csv");
        cmd.Arguments.Add(dir);
        cmd.SetAction(pr => CliGuard.Run(() => Report(Path.GetFullPath(pr.GetValue(dir)!))));
        return cmd;
    }

    static Command CollectCommand()
    {
        var dir = new Argument<string>("dir") { Description = "sweep folder" };
        var cycles = new Option<string>("--cycles") { Description = "cycles whose values enter the tables, e.g. 1,last or 1,5,10", DefaultValueFactory = _ => "1,last" };
        var plot = new Option<string[]>("--plot") { Description = "cycles.csv columns to plot against each swept parameter (default: mean von Mises, contact ratios, porosity, stack stress at full lithiation)" };
        var cmd = new Command("collect", "Gather a sweep into results.csv/.parquet (mean, sd, 95 % CI over seeds), sensitivities and plots");
        cmd.Arguments.Add(dir);
        cmd.Options.Add(cycles);
        cmd.Options.Add(plot);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            string d = Path.GetFullPath(pr.GetValue(dir)!);
            var chosen = pr.GetValue(plot) is { Length: > 0 } p ? p.SelectMany(x => x.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList() : null;
            var r = SweepCollector.Collect(d, new CollectOptions(ParseCycles(pr.GetValue(cycles)!), chosen));
            Console.WriteLine($"{r.Runs} runs ({r.Finished} finished, {r.Failed} failed) at {r.Points} parameter points: results.csv, results.parquet, " +
                $"results_runs.csv, results_runs.parquet, sensitivities.csv and {r.Plots.Count} plots in {d}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    static IReadOnlyList<int> ParseCycles(string text)
    {
        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            int c = part == "last" ? 0 : int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k >= 1 ? k
                : throw new InputException("command line", "--cycles", $"expected cycle numbers from 1 or \"last\", e.g. 1,last; got \"{part}\"");
            if (!list.Contains(c)) list.Add(c);
        }
        return list;
    }
}
