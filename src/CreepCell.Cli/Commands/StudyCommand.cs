using System.CommandLine;
using CreepCell.Simulation;

namespace CreepCell.Cli.Commands;

/// <summary>`creepcell study paper --out DIR`: the paper's Fig. 4 comparison.</summary>
static class StudyCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "the study to run: paper" };
        var outDir = new Option<string>("--out") { Description = "output folder", DefaultValueFactory = _ => "study" };
        var presets = new Option<string>("--presets") { Description = "comma-separated presets", DefaultValueFactory = _ => "se-60mse,lco-mse" };
        var cycles = new Option<int?>("--cycles") { Description = "override the number of cycles (the paper: 20)" };
        var threads = new Option<int>("--threads") { Description = "threads per run (0: all cores)" };
        var side = new Option<string?>("--side") { Description = "RVE side replacing the presets' (8 um), e.g. \"12 um\" (more particles, slower)" };
        var seeds = new Option<string?>("--seeds") { Description = "packing seeds replacing the presets' own, e.g. \"1,2,3\" or \"1-5\": each preset runs once per seed and the comparison gives mean and spread" };
        var remesh = new Option<double>("--remesh-angle")
        {
            Description = "remesh bodies whose elements distort below this angle (degrees, [solver] remesh_angle); 0 runs the presets as they are, without remeshing",
            DefaultValueFactory = _ => StudyOptions.DefaultRemeshAngle,
        };
        var quiet = new Option<bool>("--quiet") { Description = "no progress lines, only the comparison" };
        var force = OutputFolder.ForceOption();
        var cmd = new Command("study", "Run a built-in study: `paper` runs the presets and compares them with the paper's Fig. 4");
        cmd.Arguments.Add(name);
        cmd.Options.Add(outDir);
        cmd.Options.Add(presets);
        cmd.Options.Add(cycles);
        cmd.Options.Add(threads);
        cmd.Options.Add(side);
        cmd.Options.Add(seeds);
        cmd.Options.Add(remesh);
        cmd.Options.Add(quiet);
        cmd.Options.Add(force);
        cmd.SetAction(pr => CliGuard.Run(() =>
        {
            if (pr.GetValue(name) != "paper") throw new InputException("command line", "name", $"expected \"paper\", got \"{pr.GetValue(name)}\"");
            var list = pr.GetValue(presets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            foreach (var p in list)
                if (!BuiltInCases.Names.Contains(p)) throw new InputException("command line", "--presets", $"unknown preset \"{p}\"; known: {string.Join(", ", BuiltInCases.Names)}");
            if (pr.GetValue(cycles) is int c && c < 1) throw new InputException("command line", "--cycles", "expected at least 1");
            string dir = Path.GetFullPath(pr.GetValue(outDir)!);
            double? sideUm = pr.GetValue(side) is string text ? CreepCell.Io.Units.Parse(text, CreepCell.Io.Dimension.Length, "command line", "--side") * 1e6 : null;
            if (sideUm is double v && !(v > 0)) throw new InputException("command line", "--side", "expected a positive length");
            var seedList = pr.GetValue(seeds) is string s ? SeedList.Parse(s, "--seeds") : null;
            if (pr.GetValue(remesh) is var a && !(a >= 0 && a < 25)) throw new InputException("command line", "--remesh-angle", "expected an angle in degrees from 0 (no remeshing) to below 25 (new meshes keep 28)");
            var runFolders = list.SelectMany(p => seedList is { Count: > 0 } ? seedList.Select(k => Path.Combine(p, $"seed-{k}")) : new[] { p })
                .Select(f => (f, CaseRunner.OutputPatterns)).ToList();
            var folder = OutputFolder.Claim(dir, "--out", "study", PaperStudy.OutputPatterns.Append(CreepCell.Io.Provenance.FileName).ToList(), pr.GetValue(force), runFolders);
            var options = new StudyOptions(folder.Path, list, pr.GetValue(cycles), pr.GetValue(threads), sideUm, seedList, pr.GetValue(remesh));
            var result = folder.Use(_ => PaperStudy.Run(options, pr.GetValue(quiet) ? null : Console.Error.WriteLine));
            CreepCell.Io.Provenance.WriteFolder(dir, pr.GetValue(threads) is int t && t > 0 ? t : Environment.ProcessorCount);
            Console.WriteLine(result.Markdown());
            Console.WriteLine($"plots, field maps and comparison.md in {dir}");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
