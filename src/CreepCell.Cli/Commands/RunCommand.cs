using System.CommandLine;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell run [CASE.toml] [--out DIR] [--preset NAME]`: runs a simulation case.</summary>
static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("case") { Description = "case file (TOML); without it the built-in default case runs", Arity = ArgumentArity.ZeroOrOne };
        var outDir = new Option<string?>("--out") { Description = "output folder (overrides [output] dir)" };
        var preset = new Option<string?>("--preset") { Description = "run a built-in case: " + string.Join(", ", BuiltInCases.Names) };
        var quiet = new Option<bool>("--quiet") { Description = "print only the final summary" };
        var resume = new Option<string?>("--resume") { Description = "continue the run whose output folder (with checkpoint.bin) is given" };
        var cmd = new Command("run", "Run a chemo-mechanical simulation case");
        cmd.Arguments.Add(file);
        cmd.Options.Add(outDir);
        cmd.Options.Add(preset);
        cmd.Options.Add(quiet);
        cmd.Options.Add(resume);
        var threads = new Option<int?>("--threads") { Description = "threads for assembly and factorization (results are identical for any count)" };
        cmd.Options.Add(threads);
        var force = OutputFolder.ForceOption();
        cmd.Options.Add(force);
        var json = new Option<bool>("--json") { Description = "print summary.json (results and provenance) to stdout instead of the text summary" };
        cmd.Options.Add(json);
        var set = new Option<string[]>("--set") { Description = "set a case key, checked and read with units as in the file: --set materials.SE.youngs_modulus=\"20 GPa\" (repeatable; recorded in summary.json)" };
        cmd.Options.Add(set);
        var cutbacks = new Option<bool>("--log-cutbacks") { Description = "print the reason and residuals of every step cut-back to stderr" };
        cmd.Options.Add(cutbacks);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            string? path = pr.GetValue(file);
            string? presetName = pr.GetValue(preset);
            string? resumeDir = pr.GetValue(resume);
            bool q = pr.GetValue(quiet);
            if (path is not null && presetName is not null) throw new InputException("command line", "--preset", "give either a case file or --preset, not both");
            if (resumeDir is not null && (path is not null || presetName is not null)) throw new InputException("command line", "--resume", "a resumed run takes its case from the checkpoint; give no case file or preset");
            if (resumeDir is not null && pr.GetValue(outDir) is not null) throw new InputException("command line", "--out", "a resumed run writes into the folder it resumes; give --resume DIR without --out");
            if (resumeDir is not null && pr.GetValue(force)) throw new InputException("command line", "--force", "a resumed run keeps the results it continues; --force applies to new runs only");
            if (pr.GetValue(threads) is int t && (t < 1 || t > CaseChecks.MaxThreads))
                throw new InputException("command line", "--threads", $"expected a count from 1 to {CaseChecks.MaxThreads}, got {t}");
            var overrides = CaseOverrides.ParseAll(pr.GetValue(set) ?? Array.Empty<string>());
            if (resumeDir is not null && overrides.Count > 0) throw new InputException("command line", "--set", "a resumed run continues its case as it was; give no --set");
            using var interrupt = new Interruption();
            CaseRunner runner;
            if (resumeDir is not null)
            {
                runner = CaseRunner.Resume(Path.GetFullPath(resumeDir), q ? null : ProgressDisplay.Report, interrupt.Token);
                if (pr.GetValue(cutbacks)) runner.CutBackLog = Console.Error.WriteLine;
                if (runner.IsComplete)
                {
                    Console.WriteLine($"the run in {Path.GetFullPath(resumeDir)} is complete ({runner.ResumedStep} steps); nothing to resume, and its results are unchanged");
                    return ExitCodes.Ok;
                }
            }
            else
            {
                var def = path is null
                    ? CaseReader.Read($"built-in case \"{presetName ?? "default"}\"", BuiltInCases.Text(presetName ?? "default"), Directory.GetCurrentDirectory(), overrides)
                    : CaseReader.ReadFile(path, overrides);
                if (pr.GetValue(threads) is int n) def = def with { Solver = def.Solver with { Threads = n } };
                foreach (var warning in def.Warnings) Console.Error.WriteLine($"warning: {def.Source}: {warning}");
                string option = pr.GetValue(outDir) is null ? "[output] dir" : "--out";
                var folder = OutputFolder.Claim(pr.GetValue(outDir) ?? def.Output.Dir, option, "run", CaseRunner.OutputPatterns, pr.GetValue(force));
                runner = new CaseRunner(def, folder.Path, q ? null : ProgressDisplay.Report)
                {
                    Cancellation = interrupt.Token,
                    CutBackLog = pr.GetValue(cutbacks) ? Console.Error.WriteLine : null,
                };
                return folder.Use(_ => Finish(runner, q, pr.GetValue(json), interrupt));
            }
            return Finish(runner, q, pr.GetValue(json), interrupt);
        }));
        return cmd;
    }

    static int Finish(CaseRunner runner, bool q, bool json, Interruption interrupt)
    {
        RunResult result;
        try
        {
            result = q ? runner.Run() : ProgressDisplay.Run(runner);
        }
        catch (RunInterruptedException e)
        {
            Console.Error.WriteLine($"{e.Message}; resume with: creepcell run --resume {runner.OutputDir}");
            return interrupt.ExitCode;
        }
        if (json) Console.WriteLine(File.ReadAllText(Path.Combine(result.OutputDir, "summary.json")));
        else Report(runner, result);
        return ExitCodes.Ok;
    }

    static void Report(CaseRunner runner, RunResult result)
    {
        Console.WriteLine($"done: {result.Steps} steps, {result.NewtonIterations} Newton iterations, {result.WallSeconds:F1} s; results in {result.OutputDir}");
        for (int i = 0; i < result.Phases.Count; i++)
            Console.WriteLine($"  {result.Phases[i],-8} mean von Mises {result.Final[i].VonMisesMean / 1e6,10:F2} MPa   max {result.Final[i].VonMisesMax / 1e6,10:F2} MPa   mean pressure {result.Final[i].PressureMean / 1e6,10:F2} MPa");
        for (int i = 0; i < result.LargestDistortedArea.Length; i++)
            if (result.LargestDistortedArea[i] > 0)
                Console.WriteLine($"  note: up to {100 * result.LargestDistortedArea[i]:F2} % of {result.Phases[i]} lay in elements distorted to a corner below " +
                    $"{RunRecorder.DistortedAngle:G} degrees (history.csv distorted_area_{result.Phases[i]}); stresses there are not reliable (docs/simulation.md)" +
                    (runner.RemeshAngle > 0 ? "" : "; [solver] remesh_angle = 10 remeshes distorted bodies"));
    }
}
