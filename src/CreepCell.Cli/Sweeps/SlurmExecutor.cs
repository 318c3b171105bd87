using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Cli.Sweeps;

/// <summary>sbatch options of a sweep; null leaves the site's default.</summary>
sealed record SlurmOptions(string? Partition, string? Time, int CpusPerTask, string? Memory, string? Account, IReadOnlyList<string> Extra, int Throttle);

/// <summary>
/// Submits a sweep as one Slurm job array (DIR/slurm/sweep.sbatch): task i runs folder runs/i exactly as
/// the local executor does (summary.json: nothing to do; checkpoint.bin: resume; else run the case) and
/// records failures in failed.txt. Nothing of ours stays running: status and collect read the folders.
/// </summary>
static class SlurmExecutor
{
    public static string WriteScript(string dir, IReadOnlyList<int> ids, SlurmOptions o)
    {
        var (program, prefix) = RunLauncher.Self();
        string slurmDir = Path.Combine(dir, "slurm");
        Directory.CreateDirectory(slurmDir);
        var sb = new StringBuilder("#!/bin/bash\n");
        sb.Append("#SBATCH --job-name=creepcell-sweep\n");
        sb.Append($"#SBATCH --array={ArraySpec(ids)}%{o.Throttle}\n");
        sb.Append($"#SBATCH --cpus-per-task={o.CpusPerTask}\n");
        sb.Append("#SBATCH --ntasks=1\n");
        sb.Append($"#SBATCH --output={slurmDir}/%A_%a.out\n");
        if (o.Partition is not null) sb.Append($"#SBATCH --partition={o.Partition}\n");
        if (o.Time is not null) sb.Append($"#SBATCH --time={o.Time}\n");
        if (o.Memory is not null) sb.Append($"#SBATCH --mem={o.Memory}\n");
        if (o.Account is not null) sb.Append($"#SBATCH --account={o.Account}\n");
        foreach (var extra in o.Extra) sb.Append($"#SBATCH {extra}\n");
        sb.Append($"""

            # One task per run folder of the sweep in {dir}; written by `creepcell sweep --slurm`.
            run=$(printf '%s/runs/%04d' {Sh(dir)} "$SLURM_ARRAY_TASK_ID")
            [ -f "$run/summary.json" ] && exit 0
            rm -f "$run/{CreepCell.Sweeps.SweepFolder.FailureFile}"
            export DOTNET_PROCESSOR_COUNT="${"{"}SLURM_CPUS_PER_TASK:-{o.CpusPerTask}{"}"}"
            if [ -f "$run/{Checkpoint.FileName}" ]; then
              set -- run --resume "$run" --quiet
            else
              set -- run "$run/case.toml" --out "$run" --force --quiet --threads "$DOTNET_PROCESSOR_COUNT"
            fi
            {Sh(program)} {string.Join(" ", prefix.Select(Sh))} "$@" >>"$run/{CreepCell.Sweeps.SweepFolder.LogFile}" 2>&1
            code=$?
            # a run that ended on its own with an error is failed; one ended by a signal (time limit, scancel) is left to resume
            if [ "$code" -ne 0 ] && [ "$code" -lt 128 ]; then
              printf 'exit code %d\n%s\n' "$code" "$(grep '^error:' "$run/{CreepCell.Sweeps.SweepFolder.LogFile}" | tail -n 1)" >"$run/{CreepCell.Sweeps.SweepFolder.FailureFile}"
            fi
            exit "$code"

            """);
        string path = Path.Combine(slurmDir, "sweep.sbatch");
        AtomicFile.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>Submits the script; the job id.</summary>
    public static string Submit(string dir, string script)
    {
        var psi = new ProcessStartInfo("sbatch") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("--parsable");
        psi.ArgumentList.Add(script);
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InputException("command line", "--slurm", "sbatch is not on PATH (Slurm's client commands are needed to submit; --dry-run writes the script only)");
        }
        using (p)
        {
            string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InputException(script, null, "sbatch refused the job: " + stderr.Trim());
            string id = stdout.Trim().Split(';')[0];
            File.AppendAllText(Path.Combine(dir, "slurm", "jobs.txt"), id + "\n");
            return id;
        }
    }

    /// <summary>Ids as sbatch --array ranges: 0-3,7,9-10.</summary>
    public static string ArraySpec(IReadOnlyList<int> ids)
    {
        var parts = new List<string>();
        var sorted = ids.Order().ToList();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? sorted[i].ToString(CultureInfo.InvariantCulture) : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(',', parts);
    }

    static string Sh(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
