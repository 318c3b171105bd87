using System.CommandLine;
using System.Globalization;
using CreepCell.Cli.Sweeps;
using CreepCell.Sweeps;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell sweep SWEEP.toml --out DIR` (parameter sweeps and seed ensembles, locally or as a
/// Slurm job array), `creepcell sweep status DIR`, `creepcell sweep collect DIR`.</summary>
static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("sweep") { Description = "sweep file (TOML; docs/sweeps.md)" };
        var outDir = new Option<string>("--out") { Description = "sweep folder (runs/NNNN per run, runs.csv, results)", Required = true };
        var cmd = new Command("sweep", "Run a parameter sweep or seed ensemble of a case, here in parallel or as a Slurm job array");
        cmd.Arguments.Add(file);
        cmd.Options.Add(outDir);
        var executor = ExecutorOptions.AddTo(cmd);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            var choice = executor.Read(pr);
            string path = pr.GetValue(file)!;
            var plan = SweepPlan.Expand(SweepSpec.ReadFile(path));
            string dir = Path.GetFullPath(pr.GetValue(outDir)!);
            SweepFolder.Prepare(plan, dir, File.ReadAllText(path));
            return SweepExecution.Execute(dir, "sweep", choice, Console.WriteLine) == ExecutionOutcome.Ran ? SweepExecution.Report(dir) : ExitCodes.Ok;
        }));
        cmd.Subcommands.Add(StatusCommand());
        cmd.Subcommands.Add(CollectCommand());
        return cmd;
    }

    static Command StatusCommand()
    {
        var dir = new Argument<string>("dir") { Description = "sweep folder" };
        var cmd = new Command("status", "Show where each run of a sweep stands (from its folder) and update runs.csv");
        cmd.Arguments.Add(dir);
        cmd.SetAction(pr => CliGuard.Run(() => SweepExecution.Report(Path.GetFullPath(pr.GetValue(dir)!))));
        return cmd;
    }

    static Command CollectCommand()
    {
        var dir = new Argument<string>("dir") { Description = "sweep folder" };
        var cycles = new Option<string>("--cycles") { Description = "cycles whose values enter the tables, e.g. 1,last or 1,5,10", DefaultValueFactory = _ => "1,last" };
        var plot = new Option<string[]>("--plot") { Description = "cycles.csv columns to plot against each swept parameter (default: mean von Mises, contact ratios, porosity, stack stress at full lithiation)" };
        var cmd = new Command("collect", "Gather a sweep into results.csv/.parquet (mean, sd, 95 % CI over seeds), sensitivities and plots");
        cmd.Arguments.Add(dir);
        cmd.Options.Add(cycles);
        cmd.Options.Add(plot);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            string d = Path.GetFullPath(pr.GetValue(dir)!);
            var chosen = pr.GetValue(plot) is { Length: > 0 } p ? p.SelectMany(x => x.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList() : null;
            var r = SweepCollector.Collect(d, new CollectOptions(ParseCycles(pr.GetValue(cycles)!), chosen));
            Console.WriteLine($"{r.Runs} runs ({r.Finished} finished, {r.Failed} failed) at {r.Points} parameter points: results.csv, results.parquet, " +
                $"results_runs.csv, results_runs.parquet, sensitivities.csv and {r.Plots.Count} plots in {d}");
            // the folder of `creepcell study paper` (submitted to Slurm, say): its comparison too
            if (CreepCell.Simulation.StudySweep.IsStudy(d))
            {
                Console.WriteLine(CreepCell.Simulation.PaperStudy.Collect(d).Markdown());
                Console.WriteLine($"the study's plots and comparison.md in {d}");
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    static IReadOnlyList<int> ParseCycles(string text)
    {
        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            int c = part == "last" ? 0 : int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k >= 1 ? k
                : throw new InputException("command line", "--cycles", $"expected cycle numbers from 1 or \"last\", e.g. 1,last; got \"{part}\"");
            if (!list.Contains(c)) list.Add(c);
        }
        return list;
    }
}
