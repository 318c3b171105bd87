using System.Diagnostics;
using CreepCell.Sweeps;
using CreepCell.Tests.Analysis;
using Parquet;
using Parquet.Schema;

namespace CreepCell.Tests.Sweeps;

/// <summary>The sweep of docs/sweeps.md's first example on a coarser default case (two steps per run, a
/// checkpoint after each), run once with --jobs 2 as the reference of the other executors.</summary>
public sealed class ReferenceSweep
{
    public const string Text = """
        base = "default"
        [set]
        "mesh.element_size" = "2 um"
        "mesh.inclusion_element_size" = "1 um"
        "solver.max_lithiation_step" = 0.5
        "output.checkpoint_every" = 1
        [vary]
        "materials.SE.youngs_modulus" = ["10 GPa", "20 GPa"]
        "materials.SE.swelling" = [0.05, 0.0927]
        """;

    public string Root { get; } = Directory.CreateTempSubdirectory("creepcell-sweep-").FullName;
    public string File { get; }
    public string Dir { get; }
    public (int Code, string Out, string Err) Result { get; }

    public ReferenceSweep()
    {
        File = Path.Combine(Root, "sweep.toml");
        System.IO.File.WriteAllText(File, Text);
        Dir = Path.Combine(Root, "jobs2");
        Result = CliRunner.Run("sweep", File, "--out", Dir, "--jobs", "2");
        CliRunner.Run("sweep", "collect", Dir);
    }
}

public class SweepRunTests(ReferenceSweep reference) : IClassFixture<ReferenceSweep>
{
    static string Read(string dir, string file) => File.ReadAllText(Path.Combine(dir, file));

    [Fact]
    public void ALocalSweepFinishesEveryRunAndCollectsMeansOfTheRuns()
    {
        Assert.True(reference.Result.Code == 0, reference.Result.Out + reference.Result.Err);
        var runs = HistoryCsv(reference.Dir, "results_runs.csv");
        Assert.Equal(4, runs.Count);
        Assert.All(runs, r => Assert.Equal("finished", r["status"]));
        Assert.Equal(new[] { "1E+10", "1E+10", "2E+10", "2E+10" }, runs.Select(r => double.Parse(r["materials.SE.youngs_modulus"], System.Globalization.CultureInfo.InvariantCulture).ToString("0E+0")));
        // each row holds what the run wrote in its cycles.csv
        var cycles = CreepCell.Io.Plots.HistoryRun.ReadCsv(Path.Combine(reference.Dir, "runs", "0003", "cycles.csv"), allowEmpty: true);
        Assert.Equal(cycles.Column("full_vm_mean_SE_Pa")[0], double.Parse(runs[3]["full_vm_mean_SE_Pa_c1"], System.Globalization.CultureInfo.InvariantCulture));
        // the stiffer, more swelling inclusion is the more stressed one
        Assert.True(double.Parse(runs[3]["full_vm_mean_SE_Pa_c1"], System.Globalization.CultureInfo.InvariantCulture) > double.Parse(runs[0]["full_vm_mean_SE_Pa_c1"], System.Globalization.CultureInfo.InvariantCulture));
        // one run per point: a mean and no spread
        var points = HistoryCsv(reference.Dir, "results.csv");
        Assert.Equal(runs[3]["full_vm_mean_SE_Pa_c1"], points[3]["full_vm_mean_SE_Pa_c1_mean"]);
        Assert.Equal("", points[3]["full_vm_mean_SE_Pa_c1_sd"]);
        Assert.Contains("finished", Read(reference.Dir, "runs.csv"));
        Assert.True(File.Exists(Path.Combine(reference.Dir, "plots", "full_vm_mean_SE_Pa_last_vs_materials.SE.swelling.png")));
    }

    [Fact]
    public async Task TheParquetTableHoldsTheNumbersOfTheCsv()
    {
        var csv = HistoryCsv(reference.Dir, "results_runs.csv");
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(reference.Dir, "results_runs.parquet"));
        using var group = reader.OpenRowGroupReader(0);
        var field = reader.Schema.DataFields.Single(f => f.Name == "full_vm_mean_SE_Pa_c1");
        var values = new double?[csv.Count];
        await group.ReadAsync<double>(field, values.AsMemory());
        Assert.Equal(csv.Select(r => double.Parse(r["full_vm_mean_SE_Pa_c1"], System.Globalization.CultureInfo.InvariantCulture)), values.Select(v => v!.Value));
    }

    [Fact]
    public void ASweepKilledHalfWayCompletesEveryRunOnceWhenRunAgain()
    {
        string dir = Path.Combine(reference.Root, "killed");
        using (var p = CliRunner.Start("sweep", reference.File, "--out", dir, "--jobs", "2"))
        {
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            // kill the parent as soon as a run has written its first checkpoint
            while (!Directory.Exists(Path.Combine(dir, "runs")) || !Directory.EnumerateFiles(Path.Combine(dir, "runs"), "checkpoint.bin", SearchOption.AllDirectories).Any())
            {
                Assert.False(p.HasExited, "the sweep ended before any of its runs wrote a checkpoint");
                Thread.Sleep(20);
            }
            p.Kill();
            p.WaitForExit();
        }
        Assert.Contains(Enumerable.Range(0, 4), i => SweepFolder.State(Path.Combine(dir, "runs", i.ToString("D4"))) != RunState.Finished);
        var again = CliRunner.Run("sweep", reference.File, "--out", dir, "--jobs", "2");
        Assert.True(again.Code == 0, again.Out + again.Err);
        Assert.Equal(0, CliRunner.Run("sweep", "collect", dir).Code);
        for (int i = 0; i < 4; i++)
        {
            string log = Read(Path.Combine(dir, "runs", i.ToString("D4")), "run.log");
            Assert.Equal(1, log.Split('\n').Count(l => l.StartsWith("done:")));
        }
        Assert.Equal(Read(reference.Dir, "results_runs.csv"), Read(dir, "results_runs.csv"));
        Assert.Equal(Read(reference.Dir, "results.csv"), Read(dir, "results.csv"));
        // running it once more has nothing to do
        var third = CliRunner.Run("sweep", reference.File, "--out", dir, "--jobs", "2");
        Assert.Contains("4 finished, 0 to run", third.Out);
    }

    [Fact]
    public void ARunThatDoesNotConvergeIsRecordedAsFailedAndRunsAgainOnlyWhenAsked()
    {
        // the second point allows one Newton iteration and no cut-back: its first step cannot converge
        string file = Path.Combine(reference.Root, "failing.toml");
        File.WriteAllText(file, ReferenceSweep.Text.Replace("""
            [vary]
            "materials.SE.youngs_modulus" = ["10 GPa", "20 GPa"]
            "materials.SE.swelling" = [0.05, 0.0927]
            """, """
            [vary]
            mode = "zip"
            "solver.max_iterations" = [25, 1]
            "solver.max_cutbacks" = [8, 0]
            """));
        string dir = Path.Combine(reference.Root, "failing");
        var first = CliRunner.Run("sweep", file, "--out", dir, "--jobs", "2");
        Assert.Equal(3, first.Code);
        Assert.Equal(RunState.Finished, SweepFolder.State(Path.Combine(dir, "runs", "0000")));
        string failed = Path.Combine(dir, "runs", "0001");
        Assert.Equal(RunState.Failed, SweepFolder.State(failed));
        Assert.StartsWith("exit code 3 error: ", SweepFolder.FailureMessage(failed));
        Assert.Contains("no convergence", File.ReadAllLines(Path.Combine(dir, "runs.csv"))[2]);
        static int Attempts(string runDir) => File.ReadAllLines(Path.Combine(runDir, "run.log")).Count(l => l.StartsWith("error:"));
        Assert.Equal(1, Attempts(failed));
        Assert.Equal(3, CliRunner.Run("sweep", file, "--out", dir, "--jobs", "2").Code);
        Assert.Equal(1, Attempts(failed));
        Assert.Equal(3, CliRunner.Run("sweep", file, "--out", dir, "--jobs", "2", "--retry-failed").Code);
        Assert.Equal(2, Attempts(failed));
        Assert.Equal(RunState.Failed, SweepFolder.State(failed));
    }

    [SkippableFact]
    public void ASlurmJobArrayGivesTheSameTableBitForBit()
    {
        Skip.If(SlurmNodeState() is not ("idle" or "mixed" or "allocated" or "completing"),
            $"no Slurm node up (sinfo: {SlurmNodeState() ?? "not installed"}); .ci/slurm-up.sh installs and starts a one-node cluster (as root)");
        string dir = Path.Combine(reference.Root, "slurm");
        var dry = CliRunner.Run("sweep", reference.File, "--out", dir, "--slurm", "--dry-run", "--jobs", "2");
        Assert.Equal(0, dry.Code);
        Assert.Contains("#SBATCH --array=0-3%2", Read(Path.Combine(dir, "slurm"), "sweep.sbatch"));
        var submit = CliRunner.Run("sweep", reference.File, "--out", dir, "--slurm", "--jobs", "2");
        Assert.True(submit.Code == 0, submit.Out + submit.Err);
        Assert.Matches(@"submitted job \d+", submit.Out);
        string job = System.Text.RegularExpressions.Regex.Match(submit.Out, @"submitted job (\d+)").Groups[1].Value;
        // the array is done when Slurm no longer lists the job; its runs' folders then say how each ended
        while (JobListed(job)) Thread.Sleep(200);
        var status = CliRunner.Run("sweep", "status", dir);
        Assert.True(status.Code == 0, status.Out);
        Assert.Contains("4 finished", status.Out);
        Assert.Equal(0, CliRunner.Run("sweep", "collect", dir).Code);
        Assert.Equal(Read(reference.Dir, "results_runs.csv"), Read(dir, "results_runs.csv"));
    }

    static bool JobListed(string job)
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("squeue", $"-h -j {job} -o %i") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string listed = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 && listed.Trim().Length > 0;
    }

    static string? SlurmNodeState()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("sinfo", "-h -o %T") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            string state = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? state.Split('\n')[0].TrimEnd('*', '~', '#') : "not answering";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    static List<Dictionary<string, string>> HistoryCsv(string dir, string file)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, file));
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',').Select((v, i) => (header[i], v)).ToDictionary(x => x.Item1, x => x.v)).ToList();
    }
}
