using CreepCell.Io;
using CreepCell.Sweeps;
using CreepCell.Simulation;

namespace CreepCell.Cli.Sweeps;

/// <summary>
/// How a sweep runs one folder, the same for every executor: `creepcell run` of this very command line
/// (same dll) on the folder's case.toml with --out the folder, or `creepcell run --resume` when the
/// folder holds a checkpoint; output appended to run.log; DOTNET_PROCESSOR_COUNT set to the run's
/// threads, which bounds assembly and factorization threads of fresh and resumed runs alike.
/// </summary>
static class RunLauncher
{
    /// <summary>The program and leading arguments that start this command line again.</summary>
    public static (string Program, IReadOnlyList<string> Prefix) Self()
    {
        string host = Environment.ProcessPath ?? "dotnet";
        string dll = typeof(RunLauncher).Assembly.Location;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? (host, new[] { dll }) : (host, Array.Empty<string>());
    }

    /// <summary>The `creepcell run` arguments for a run folder, from its files.</summary>
    public static IReadOnlyList<string> RunArguments(string runDir, int threads) =>
        File.Exists(Path.Combine(runDir, Checkpoint.FileName))
            ? new[] { "run", "--resume", runDir, "--quiet" }
            : new[] { "run", Path.Combine(runDir, "case.toml"), "--out", runDir, "--force", "--quiet", "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>Exit codes of runs that ended on their own (bad input, no convergence, a crash); a run ended by a
    /// signal (code 128 + signal: killed, timed out, interrupted) is left as interrupted, to resume.</summary>
    public static bool IsFailure(int exitCode) => exitCode != 0 && exitCode < 128;

    /// <summary>Runs that a sweep still has to make: pending and interrupted ones, and failed ones when asked.
    /// Retried runs lose their failure file (and resume from their checkpoint if they have one).</summary>
    public static List<int> ToRun(string dir, bool retryFailed)
    {
        var ids = new List<int>();
        foreach (var r in SweepFolder.ReadManifest(dir).Runs)
        {
            string runDir = SweepPlan.RunFolder(dir, r.Id);
            var state = SweepFolder.State(runDir);
            if (state == RunState.Failed && retryFailed)
            {
                File.Delete(Path.Combine(runDir, SweepFolder.FailureFile));
                state = SweepFolder.State(runDir);
            }
            if (state is RunState.Pending or RunState.Interrupted) ids.Add(r.Id);
        }
        return ids;
    }
}
