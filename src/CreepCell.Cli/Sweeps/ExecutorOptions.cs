using System.CommandLine;

namespace CreepCell.Cli.Sweeps;

/// <summary>How to run the folders of a sweep, as read from the command line.</summary>
sealed record ExecutorChoice(int? Jobs, int Threads, bool RetryFailed, bool Slurm, bool DryRun, SlurmOptions? SlurmOptions);

/// <summary>The command-line options of the sweep executors, shared by `creepcell sweep` and `creepcell
/// study`: runs at a time, threads per run, retrying failed runs, and Slurm's.</summary>
sealed class ExecutorOptions
{
    readonly Option<int?> jobs = new("--jobs") { Description = "runs at a time (default: cores / --threads); with --slurm the array's % throttle" };
    readonly Option<int> threads = new("--threads", "--cpus-per-task") { Description = "threads per run (with --slurm: the tasks' --cpus-per-task)", DefaultValueFactory = _ => 1 };
    readonly Option<bool> retry = new("--retry-failed") { Description = "run failed runs again (resuming from their checkpoints)" };
    readonly Option<bool> slurm = new("--slurm") { Description = "submit one sbatch job array instead of running here" };
    readonly Option<bool> dryRun = new("--dry-run") { Description = "with --slurm: write the script without submitting it" };
    readonly Option<string?> partition = new("--partition") { Description = "Slurm partition" };
    readonly Option<string?> time = new("--time") { Description = "Slurm time limit per run (e.g. 02:00:00); a run stopped by it resumes on the next submission" };
    readonly Option<string?> memory = new("--mem") { Description = "Slurm memory per run (e.g. 4G)" };
    readonly Option<string?> account = new("--account") { Description = "Slurm account" };
    readonly Option<string[]> extra = new("--sbatch") { Description = "any other sbatch option, as written after #SBATCH (repeatable), e.g. --sbatch=--qos=short" };

    public static ExecutorOptions AddTo(Command cmd)
    {
        var o = new ExecutorOptions();
        foreach (var option in new Option[] { o.jobs, o.threads, o.retry, o.slurm, o.dryRun, o.partition, o.time, o.memory, o.account, o.extra }) cmd.Options.Add(option);
        return o;
    }

    /// <summary>The choice, checked; the Slurm throttle defaults to the runs to do, up to 100, once they are known.</summary>
    public ExecutorChoice Read(ParseResult pr)
    {
        int t = pr.GetValue(threads);
        if (t < 1) throw new InputException("command line", "--threads", "expected a positive count");
        int? j = pr.GetValue(jobs);
        if (j is < 1) throw new InputException("command line", "--jobs", "expected a positive count");
        bool useSlurm = pr.GetValue(slurm);
        if (pr.GetValue(dryRun) && !useSlurm) throw new InputException("command line", "--dry-run", "--dry-run writes a Slurm script; give --slurm too");
        var s = useSlurm ? new SlurmOptions(pr.GetValue(partition), pr.GetValue(time), t, pr.GetValue(memory), pr.GetValue(account), pr.GetValue(extra) ?? Array.Empty<string>(), j ?? 0) : null;
        return new ExecutorChoice(j, t, pr.GetValue(retry), useSlurm, pr.GetValue(dryRun), s);
    }
}
