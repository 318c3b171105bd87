using CreepCell.Io.Plots;
using CreepCell.Simulation;
using CreepCell.Tests.Analysis;

namespace CreepCell.Tests.Simulation;

/// <summary>`creepcell study paper` on two packings of 8 um, two cycles without remeshing (the cheapest runs
/// of both presets whose claims still compare two cycles), made with --jobs 2 and with --jobs 1.</summary>
public sealed class SmallStudy : IDisposable
{
    public static readonly string[] Options = { "--cycles", "2", "--side", "8 um", "--seeds", "2,3", "--remesh-angle", "0", "--quiet" };

    public string Root { get; } = Directory.CreateTempSubdirectory("creepcell-study-").FullName;
    public string Jobs2 => Path.Combine(Root, "jobs2");
    public string Jobs1 => Path.Combine(Root, "jobs1");
    public (int Code, string Out, string Err) Result2 { get; }
    public (int Code, string Out, string Err) Result1 { get; }

    public SmallStudy()
    {
        Result2 = Study(Jobs2, "--jobs", "2");
        Result1 = Study(Jobs1, "--jobs", "1");
    }

    public static (int Code, string Out, string Err) Study(string dir, params string[] more) =>
        CliRunner.Run(new[] { "study", "paper", "--out", dir }.Concat(Options).Concat(more).ToArray());

    public void Dispose() => Directory.Delete(Root, true);
}

public class StudySweepTests(SmallStudy study) : IClassFixture<SmallStudy>
{
    // the runs of the study: the presets outermost, the seeds inside
    static readonly string[] Runs = { "0000", "0001", "0002", "0003" };

    static string Run(string dir, int i, string file) => Path.Combine(dir, "runs", Runs[i], file);

    [Fact]
    public void TheStudyMadeWithTwoJobsEqualsTheOneWithOneJobBitForBit()
    {
        Assert.True(study.Result2.Code == 0, study.Result2.Out + study.Result2.Err);
        Assert.True(study.Result1.Code == 0, study.Result1.Out + study.Result1.Err);
        foreach (var file in new[] { "comparison.md", "results.csv", "results_runs.csv", "runs.csv", "sweep.json", "sweep.toml" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(study.Jobs1, file)), File.ReadAllBytes(Path.Combine(study.Jobs2, file)));
        for (int i = 0; i < Runs.Length; i++)
            Assert.Equal(File.ReadAllBytes(Run(study.Jobs1, i, "cycles.csv")), File.ReadAllBytes(Run(study.Jobs2, i, "cycles.csv")));
        // each run folder holds a case that `creepcell run` reads: the preset with the study's edits
        var def = CreepCell.Simulation.CaseReader.ReadFile(Run(study.Jobs2, 3, "case.toml"));
        Assert.True(def.Materials.ContainsKey("LCO"));
        Assert.Equal((3UL, 8e-6, 2), (def.Mesh.Microstructure!.Seed, def.Mesh.Microstructure.Side, def.Protocol.GalvanostaticParameters!.Cycles));
        Assert.Equal(0, def.Solver.RemeshAngle);
        Assert.Contains("| Se-MSe contact ratio (se-60mse) |", study.Result2.Out);
    }

    [Fact]
    public void RunningTheStudyAgainSkipsItsFinishedRunsAndWritesTheSameComparison()
    {
        // summary.json holds each run's wall time: a run made again would rewrite it
        var summaries = Enumerable.Range(0, Runs.Length).Select(i => File.ReadAllBytes(Run(study.Jobs2, i, "summary.json"))).ToList();
        var comparison = File.ReadAllBytes(Path.Combine(study.Jobs2, "comparison.md"));
        var (code, stdout, err) = SmallStudy.Study(study.Jobs2, "--jobs", "2");
        Assert.True(code == 0, stdout + err);
        Assert.Contains("study of 4 runs (2 parameter points)", stdout);
        Assert.Contains("4 finished, 0 to run", stdout);
        for (int i = 0; i < Runs.Length; i++) Assert.Equal(summaries[i], File.ReadAllBytes(Run(study.Jobs2, i, "summary.json")));
        Assert.Equal(comparison, File.ReadAllBytes(Path.Combine(study.Jobs2, "comparison.md")));
    }

    [Fact]
    public void CollectingTheStudysFolderAsASweepWritesTheSameComparison()
    {
        var comparison = File.ReadAllBytes(Path.Combine(study.Jobs2, "comparison.md"));
        File.Delete(Path.Combine(study.Jobs2, "comparison.md"));
        var (code, stdout, err) = CliRunner.Run("sweep", "collect", study.Jobs2);
        Assert.True(code == 0, stdout + err);
        Assert.Equal(comparison, File.ReadAllBytes(Path.Combine(study.Jobs2, "comparison.md")));
        Assert.Contains("| Se-MSe contact ratio (se-60mse) |", stdout);
    }

    [Fact]
    public void OtherOptionsInTheSameFolderAreRefusedAndSlurmGetsOneArrayTaskPerRun()
    {
        var (code, _, err) = CliRunner.Run("study", "paper", "--out", study.Jobs2, "--cycles", "1", "--side", "8 um", "--seeds", "2,3");
        Assert.Equal(2, code);
        Assert.Contains("holds another study", err);
        string fresh = Path.Combine(study.Root, "slurm");
        (code, var stdout, err) = SmallStudy.Study(fresh, "--slurm", "--dry-run", "--time", "00:10:00");
        Assert.True(code == 0, stdout + err);
        string script = File.ReadAllText(Path.Combine(fresh, "slurm", "sweep.sbatch"));
        Assert.Contains("#SBATCH --array=0-3%4", script);
        Assert.Contains("#SBATCH --time=00:10:00", script);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(fresh, "runs"), "case.toml", SearchOption.AllDirectories).Length);
        Assert.False(File.Exists(Path.Combine(fresh, "comparison.md")));
        // --force replaces a study by another: one preset, one seed, one run folder
        (code, stdout, err) = CliRunner.Run("study", "paper", "--out", fresh, "--presets", "lco-mse", "--seeds", "5", "--force", "--slurm", "--dry-run");
        Assert.True(code == 0, stdout + err);
        Assert.Contains("study of 1 runs (1 parameter points)", stdout);
        Assert.Single(Directory.GetDirectories(Path.Combine(fresh, "runs")));
        Assert.Contains("#SBATCH --array=0%1", File.ReadAllText(Path.Combine(fresh, "slurm", "sweep.sbatch")));
        Assert.Contains("base = [\"lco-mse\"]\nseeds = [5]", File.ReadAllText(Path.Combine(fresh, "sweep.toml")));
    }

    [Fact]
    public void ARunThatRefusesItsCaseStopsTheStudyAsBadInputWithoutAComparison()
    {
        // the particles of 3 um fit a box of 6 um only below half its side: found when the run packs them
        string dir = Path.Combine(study.Root, "too-small");
        var (code, stdout, err) = CliRunner.Run("study", "paper", "--out", dir, "--presets", "se-60mse", "--side", "6 um", "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("1 run(s) of the study refused their case", err);
        Assert.Contains("do not fit an RVE of side", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(dir, "comparison.md")));
    }

    [Fact]
    public void SeveralSeedsGiveTheMeanAndSpreadOfTheirRunsAndCheckThePapersClaimsOnEach()
    {
        var result = PaperStudy.Collect(study.Jobs2);
        var runs = new[] { 0, 1 }.Select(i => HistoryRun.ReadCsv(Run(study.Jobs2, i, "cycles.csv"))).ToArray();
        double Value(HistoryRun r, int row, string column) => r.Rows[row][r.Columns.ToList().IndexOf(column)];
        // the two packings differ, and the table holds their mean and sample standard deviation
        var a = runs.Select(r => Value(r, 0, "full_contact_ratio_Se_MSe") * 100).ToArray();
        Assert.NotEqual(a[0], a[1]);
        var row = result.Rows.Single(r => r.Quantity == "Se-MSe contact ratio (se-60mse)");
        Assert.Equal(2, row.Samples);
        Assert.Equal((a[0] + a[1]) / 2, row.OursFirst!.Value, 1e-9);
        Assert.Equal(Math.Abs(a[0] - a[1]) / Math.Sqrt(2), row.OursFirstSd!.Value, 1e-9);
        var last = runs.Select(r => Value(r, 1, "full_vm_mean_Se_Pa") * 1e-9).ToArray();
        Assert.Equal((last[0] + last[1]) / 2, result.Rows.Single(r => r.Quantity == "mean von Mises Se (se-60mse)").OursLast!.Value, 1e-12);
        // each claim is counted run by run
        var rise = result.Claims.Single(c => c.Statement.StartsWith("Se-Se and Se-MSe contact ratios higher"));
        int expected = runs.Count(r => Value(r, 1, "full_contact_ratio_Se_Se") > Value(r, 0, "full_contact_ratio_Se_Se")
            && Value(r, 1, "full_contact_ratio_Se_MSe") > Value(r, 0, "full_contact_ratio_Se_MSe"));
        Assert.Equal((expected, 2), (rise.Holds, rise.Runs));
        var lco = new[] { 2, 3 }.Select(i => HistoryRun.ReadCsv(Run(study.Jobs2, i, "cycles.csv"))).ToArray();
        var ratio = result.Claims.Single(c => c.Statement.StartsWith("largest stress in LCO"));
        int tenfold = Enumerable.Range(0, 2).Count(i => lco[i].Column("full_vm_max_LCO_Pa").Max() >= 10 * runs[i].Column("full_vm_max_Se_Pa").Max());
        Assert.Equal((tenfold, 2), (ratio.Holds, ratio.Runs));
        string md = File.ReadAllText(Path.Combine(study.Jobs2, "comparison.md"));
        Assert.Contains("over 2 packings (seeds 2, 3)", md);
        Assert.Contains($"| {row.Quantity} | {PaperStudy.MeanAndSpread(row.OursFirst!.Value, row.OursFirstSd!.Value)} |", md);
        Assert.Contains("| LCO-LCO and LCO-MSe contact ratios constant (within 0.5 points) over the cycles |", md);
        Assert.True(File.Exists(Path.Combine(study.Jobs2, "contact_ratio_vs_cycle.png")));
        // the sweep's own table beside it: a row per preset with the mean over the seeds
        var points = File.ReadAllLines(Path.Combine(study.Jobs2, "results.csv"));
        Assert.Equal(3, points.Length);
        Assert.StartsWith("0,se-60mse,2,2,", points[1]);
    }
}
