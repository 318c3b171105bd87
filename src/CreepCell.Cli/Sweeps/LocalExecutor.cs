using System.Diagnostics;
using CreepCell.Sweeps;

namespace CreepCell.Cli.Sweeps;

/// <summary>
/// Runs a sweep's folders as parallel child processes on this machine, at most <c>jobs</c> at a time. The
/// children die with the sweep (Linux parent-death signal through setpriv), so a killed sweep leaves no
/// run behind that a new one could collide with; sweep.lock keeps two live sweeps out of one folder.
/// </summary>
sealed class LocalExecutor(int jobs, int threads, Action<string> log)
{
    sealed record Running(int Id, string Dir, Process Process, Stopwatch Clock);

    /// <summary>Runs the given ids; returns how many failed.</summary>
    public int Run(string dir, IReadOnlyList<int> ids)
    {
        using var sweepLock = SweepLock.Take(dir);
        var queue = new Queue<int>(ids);
        var running = new List<Running>();
        int failed = 0, done = 0;
        // children are started from this (main) thread: the parent-death signal follows the thread that forked
        while (queue.Count > 0 || running.Count > 0)
        {
            while (running.Count < jobs && queue.Count > 0)
            {
                int id = queue.Dequeue();
                string runDir = SweepPlan.RunFolder(dir, id);
                if (SweepFolder.State(runDir) == RunState.Finished) continue;
                running.Add(new Running(id, runDir, Start(runDir), Stopwatch.StartNew()));
            }
            foreach (var r in running.Where(r => r.Process.HasExited).ToList())
            {
                running.Remove(r);
                int code = r.Process.ExitCode;
                r.Process.Dispose();
                done++;
                if (RunLauncher.IsFailure(code))
                {
                    SweepFolder.WriteFailure(r.Dir, code);
                    failed++;
                }
                string what = code == 0 ? "finished" : RunLauncher.IsFailure(code) ? $"failed: {SweepFolder.FailureMessage(r.Dir)}" : $"stopped by signal {code - 128}";
                log($"run {r.Id:D4} {what} ({r.Clock.Elapsed.TotalSeconds:F1} s; {done}/{ids.Count})");
            }
            if (running.Count > 0) Thread.Sleep(20);
        }
        return failed;
    }

    Process Start(string runDir)
    {
        var (program, prefix) = RunLauncher.Self();
        const string setpriv = "/usr/bin/setpriv";
        var psi = new ProcessStartInfo(File.Exists(setpriv) ? setpriv : "/bin/sh") { UseShellExecute = false };
        if (File.Exists(setpriv))
        {
            foreach (var a in new[] { "--pdeathsig", "KILL", "--", "/bin/sh" }) psi.ArgumentList.Add(a);
        }
        // sh appends the run's output to its log, then becomes the run (exec keeps the parent-death signal)
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec \"$@\" >>\"$0\" 2>&1");
        psi.ArgumentList.Add(Path.Combine(runDir, SweepFolder.LogFile));
        psi.ArgumentList.Add(program);
        foreach (var a in prefix.Concat(RunLauncher.RunArguments(runDir, threads))) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_PROCESSOR_COUNT"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start " + program);
    }
}

/// <summary>DIR/sweep.lock holds the id of the live process sweeping a folder; a lock of a dead process is taken over.</summary>
sealed class SweepLock : IDisposable
{
    readonly string path;

    SweepLock(string path) => this.path = path;

    public static SweepLock Take(string dir)
    {
        string path = Path.Combine(dir, "sweep.lock");
        if (File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), out int pid) && pid != Environment.ProcessId && Alive(pid))
            throw new InputException(dir, null, $"another sweep (process {pid}) is running in this folder; wait for it or stop it");
        File.WriteAllText(path, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new SweepLock(path);
    }

    static bool Alive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose() => File.Delete(path);
}
