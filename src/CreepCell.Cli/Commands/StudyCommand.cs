using System.CommandLine;
using CreepCell.Cli.Sweeps;
using CreepCell.Simulation;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell study paper --out DIR`: the paper's Fig. 4 comparison, made as a sweep of the
/// presets times the seeds (<see cref="StudySweep"/>) with the sweep's executors.</summary>
static class StudyCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "the study to run: paper" };
        var outDir = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "study" };
        var presets = new Option<string>("--presets") { Description = "comma-separated presets", DefaultValueFactory = _ => "se-60mse,lco-mse" };
        var cycles = new Option<int?>("--cycles") { Description = "override the number of cycles (the paper: 20)" };
        var side = new Option<string?>("--side") { Description = "RVE side replacing the presets' (8 um), e.g. \"12 um\" (more particles, slower)" };
        var seeds = new Option<string?>("--seeds") { Description = "packing seeds replacing the presets' own, e.g. \"1,2,3\" or \"1-5\": each preset runs once per seed and the comparison gives mean and spread" };
        var remesh = new Option<double>("--remesh-angle")
        {
            Description = "remesh bodies whose elements distort below this angle (degrees, [solver] remesh_angle); 0 runs the presets without remeshing",
            DefaultValueFactory = _ => StudyOptions.DefaultRemeshAngle,
        };
        var quiet = new Option<bool>("--quiet") { Description = "no progress lines, only the comparison" };
        var force = new Option<bool>("--force") { Description = "start again: delete the runs and results of the study in the output folder first (without it, a study run again skips its finished runs)" };
        var cmd = new Command("study", "Run a built-in study: `paper` runs the presets as a sweep (presets x seeds, here in parallel or on Slurm) and compares them with the paper's Fig. 4");
        cmd.Arguments.Add(name);
        cmd.Options.Add(outDir);
        cmd.Options.Add(presets);
        cmd.Options.Add(cycles);
        cmd.Options.Add(side);
        cmd.Options.Add(seeds);
        cmd.Options.Add(remesh);
        cmd.Options.Add(quiet);
        cmd.Options.Add(force);
        var executor = ExecutorOptions.AddTo(cmd);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            var options = Read(pr, name, outDir, presets, cycles, side, seeds, remesh);
            var choice = executor.Read(pr);
            var plan = StudySweep.Plan(options);
            var folder = OutputFolder.Claim(options.OutDir, "--out", "study", Array.Empty<string>(), false);
            return folder.Use(_ => Run(options with { Threads = choice.Threads }, plan, choice, pr.GetValue(force), pr.GetValue(quiet)));
        }));
        return cmd;
    }

    static StudyOptions Read(ParseResult pr, Argument<string> name, Option<string> outDir, Option<string> presets, Option<int?> cycles,
        Option<string?> side, Option<string?> seeds, Option<double> remesh)
    {
        if (pr.GetValue(name) != "paper") throw new InputException("command line", "name", $"expected \"paper\", got \"{pr.GetValue(name)}\"");
        var list = pr.GetValue(presets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var p in list)
            if (!BuiltInCases.Names.Contains(p)) throw new InputException("command line", "--presets", $"unknown preset \"{p}\"; known: {string.Join(", ", BuiltInCases.Names)}");
        if (list.Count == 0) throw new InputException("command line", "--presets", "expected at least one preset");
        if (list.Distinct().Count() < list.Count) throw new InputException("command line", "--presets", "a preset is listed twice");
        if (pr.GetValue(cycles) is int c && c < 1) throw new InputException("command line", "--cycles", "expected at least 1");
        double? sideUm = pr.GetValue(side) is string text ? CreepCell.Io.Units.Parse(text, CreepCell.Io.Dimension.Length, "command line", "--side") * 1e6 : null;
        if (sideUm is double v && !(v > 0)) throw new InputException("command line", "--side", "expected a positive length");
        var seedList = pr.GetValue(seeds) is string s ? SeedList.Parse(s, "--seeds") : null;
        if (pr.GetValue(remesh) is var a && !(a >= 0 && a < 25)) throw new InputException("command line", "--remesh-angle", "expected an angle in degrees from 0 (no remeshing) to below 25 (new meshes keep 28)");
        return new StudyOptions(Path.GetFullPath(pr.GetValue(outDir)!), list, pr.GetValue(cycles), 1, sideUm, seedList, pr.GetValue(remesh));
    }

    /// <summary>Writes the study's run folders (or finds them), runs those still to do and, once all have ended
    /// here, compares them with the paper; exit code 3 when a run stopped early.</summary>
    static int Run(StudyOptions options, CreepCell.Sweeps.SweepPlan plan, ExecutorChoice choice, bool force, bool quiet)
    {
        string dir = options.OutDir;
        if (File.Exists(Path.Combine(dir, "sweep.json")) && !StudySweep.IsStudy(dir))
            throw new InputException("command line", "--out", $"{dir} holds a sweep that is not a study; give another folder");
        if (force && File.Exists(Path.Combine(dir, "sweep.json"))) StudySweep.Clear(dir);
        if (File.Exists(Path.Combine(dir, "sweep.json")) && CreepCell.Sweeps.SweepFolder.ReadManifest(dir).Fingerprint != plan.Fingerprint())
            throw new InputException("command line", "--out", $"{dir} holds another study (its runs differ from these options); give --force to replace it, or another folder");
        StudySweep.Prepare(options, plan);
        var outcome = SweepExecution.Execute(dir, "study", choice, quiet ? _ => { } : Console.Error.WriteLine);
        if (outcome != ExecutionOutcome.Ran)
        {
            Console.WriteLine($"when the runs have ended: `creepcell sweep collect {dir}` writes the comparison with the paper");
            return ExitCodes.Ok;
        }
        RejectBadInput(dir);
        CreepCell.Sweeps.SweepCollector.Collect(dir, new CreepCell.Sweeps.CollectOptions(new[] { 1, 0 }));
        var result = PaperStudy.Collect(dir);
        CreepCell.Io.Provenance.WriteFolder(dir, choice.Threads);
        Console.WriteLine(result.Markdown());
        Console.WriteLine($"plots, comparison.md and the runs (runs/NNNN, listed in runs.csv) in {dir}");
        if (result.Stops.Count > 0)
            throw new NotConvergedException($"the study is written to {dir}, but {result.Stops.Count} run(s) stopped early: " + string.Join("; ", result.Stops));
        return ExitCodes.Ok;
    }

    /// <summary>Some bad input shows only when a run builds its model (particles too large for the box, say):
    /// such runs end with exit code 2, and the study then stops as bad input instead of comparing nothing.</summary>
    static void RejectBadInput(string dir)
    {
        var bad = CreepCell.Sweeps.SweepFolder.WriteIndex(dir).Where(s => s.State == CreepCell.Sweeps.RunState.Failed)
            .Select(s => CreepCell.Sweeps.SweepPlan.RunFolder(dir, s.Run.Id))
            .Where(run => File.ReadLines(Path.Combine(run, CreepCell.Sweeps.SweepFolder.FailureFile)).FirstOrDefault() == $"exit code {ExitCodes.BadInput}").ToList();
        if (bad.Count == 0) return;
        string first = File.ReadLines(Path.Combine(bad[0], CreepCell.Sweeps.SweepFolder.FailureFile)).Skip(1).FirstOrDefault()?.Replace("error: ", "") ?? "";
        throw new InputException("command line", null, $"{bad.Count} run(s) of the study refused their case, the first: {first}; " +
            "change the options (e.g. --side) and give --force, or another --out");
    }
}
