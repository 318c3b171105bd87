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
        var set = new Option<string[]>("--set") { Description = "set a case key, checked and read with units as in the file: --set materials.SE.youngs_modulus=\"20 GPa\" (repeatable; recorded in summary.json)" };
        cmd.Options.Add(set);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            string? path = pr.GetValue(file);
            string? presetName = pr.GetValue(preset);
            string? resumeDir = pr.GetValue(resume);
            bool q = pr.GetValue(quiet);
            if (path is not null && presetName is not null) throw new InputException("command line", "--preset", "give either a case file or --preset, not both");
            if (resumeDir is not null && (path is not null || presetName is not null)) throw new InputException("command line", "--resume", "a resumed run takes its case from the checkpoint; give no case file or preset");
            var overrides = CaseOverrides.ParseAll(pr.GetValue(set) ?? Array.Empty<string>());
            if (resumeDir is not null && overrides.Count > 0) throw new InputException("command line", "--set", "a resumed run continues its case as it was; give no --set");
            CaseRunner runner;
            if (resumeDir is not null)
            {
                runner = CaseRunner.Resume(Path.GetFullPath(resumeDir), q ? null : ProgressDisplay.Report);
            }
            else
            {
                var def = path is null
                    ? CaseReader.Read($"built-in case \"{presetName ?? "default"}\"", BuiltInCases.Text(presetName ?? "default"), Directory.GetCurrentDirectory(), overrides)
                    : CaseReader.ReadFile(path, overrides);
                if (pr.GetValue(threads) is int n)
                {
                    if (n < 1) throw new InputException("command line", "--threads", "expected a positive count");
                    def = def with { Solver = def.Solver with { Threads = n } };
                }
                string dir = Path.GetFullPath(pr.GetValue(outDir) ?? def.Output.Dir);
                runner = new CaseRunner(def, dir, q ? null : ProgressDisplay.Report);
            }
            var result = q ? runner.Run() : ProgressDisplay.Run(runner);
            Console.WriteLine($"done: {result.Steps} steps, {result.NewtonIterations} Newton iterations, {result.WallSeconds:F1} s; results in {result.OutputDir}");
            for (int i = 0; i < result.Phases.Count; i++)
                Console.WriteLine($"  {result.Phases[i],-8} mean von Mises {result.Final[i].VonMisesMean / 1e6,10:F2} MPa   max {result.Final[i].VonMisesMax / 1e6,10:F2} MPa   mean pressure {result.Final[i].PressureMean / 1e6,10:F2} MPa");
            for (int i = 0; i < result.LargestDistortedArea.Length; i++)
                if (result.LargestDistortedArea[i] > 0)
                    Console.WriteLine($"  note: up to {100 * result.LargestDistortedArea[i]:F2} % of {result.Phases[i]} lay in elements distorted to a corner below " +
                        $"{RunRecorder.DistortedAngle:G} degrees (history.csv distorted_area_{result.Phases[i]}); stresses there are not reliable (docs/simulation.md)" +
                        (runner.RemeshAngle > 0 ? "" : "; [solver] remesh_angle = 10 remeshes distorted bodies"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
