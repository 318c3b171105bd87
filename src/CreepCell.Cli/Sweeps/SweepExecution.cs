using CreepCell.Sweeps;

namespace CreepCell.Cli.Sweeps;

/// <summary>What running a prepared sweep folder came to.</summary>
enum ExecutionOutcome { Ran, Submitted, ScriptWritten }

/// <summary>
/// Runs the folders of a prepared sweep that are still to do, with the chosen executor: here as child
/// processes (<see cref="LocalExecutor"/>) or as one Slurm job array (<see cref="SlurmExecutor"/>). Both
/// `creepcell sweep` and `creepcell study` go through it, so their runs are made, skipped and resumed alike.
/// </summary>
static class SweepExecution
{
    public static ExecutionOutcome Execute(string dir, string what, ExecutorChoice c, Action<string> log)
    {
        var ids = RunLauncher.ToRun(dir, c.RetryFailed);
        var manifest = SweepFolder.ReadManifest(dir);
        int finished = SweepFolder.WriteIndex(dir).Count(s => s.State == RunState.Finished);
        int points = manifest.Runs.Select(r => r.Point).Distinct().Count();
        Console.WriteLine($"{what} of {manifest.Runs.Count} runs ({points} parameter points) in {dir}: {finished} finished, {ids.Count} to run");
        if (ids.Count == 0) return ExecutionOutcome.Ran;
        if (c.Slurm)
        {
            var options = c.SlurmOptions! with { Throttle = c.Jobs ?? Math.Min(ids.Count, 100) };
            string script = SlurmExecutor.WriteScript(dir, ids, options);
            if (c.DryRun)
            {
                Console.WriteLine($"wrote {script}; submit it with: sbatch {script}");
                return ExecutionOutcome.ScriptWritten;
            }
            Console.WriteLine($"submitted job {SlurmExecutor.Submit(dir, script)} ({ids.Count} array tasks); follow it with `creepcell sweep status {dir}`");
            return ExecutionOutcome.Submitted;
        }
        int n = c.Jobs ?? Math.Max(1, Environment.ProcessorCount / c.Threads);
        new LocalExecutor(n, c.Threads, log).Run(dir, ids);
        return ExecutionOutcome.Ran;
    }

    /// <summary>Counts per state and the runs that are not finished; exit code 3 when some failed.</summary>
    public static int Report(string dir)
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
}
