using System.Globalization;
using System.Text;
using System.Text.Json;
using CreepCell.Io;
using CreepCell.Sweeps;

namespace CreepCell.Simulation;

/// <summary>
/// The paper study as a sweep: its presets are the sweep's bases (base = [...]), its seeds the sweep's
/// seeds, and its cycles, RVE side and remeshing angle edits set in every run. The study's folder is a
/// sweep folder (sweep.toml, sweep.json, runs.csv, runs/NNNN/case.toml) with study.json beside it, so any
/// sweep executor runs it, re-running skips finished runs, and the comparison is made from the folders.
/// </summary>
public static class StudySweep
{
    public const string OptionsFile = "study.json";

    /// <summary>The sweep file of a study (written to the folder as sweep.toml).</summary>
    public static string Text(StudyOptions o)
    {
        string Q(string s) => TomlText.Value(s);
        string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("# `creepcell study paper` as a sweep: every preset, once per packing seed\n");
        sb.Append($"base = [{string.Join(", ", o.Presets.Select(Q))}]\n");
        if (o.Seeds is { Count: > 0 } seeds) sb.Append($"seeds = [{string.Join(", ", seeds)}]\n");
        var set = new List<string>();
        if (o.Cycles is int c) set.Add($"\"protocol.cycles\" = {c}");
        if (o.SideMicrometres is double side) set.Add($"\"microstructure.side\" = {Q(N(side) + " um")}");
        set.Add($"\"solver.remesh_angle\" = {N(o.RemeshAngle)}");
        if (set.Count > 0) sb.Append("\n[set]\n").Append(string.Concat(set.Select(l => l + "\n")));
        return sb.ToString();
    }

    /// <summary>The runs of a study: every preset (outermost) times every seed, each run's case checked.</summary>
    public static SweepPlan Plan(StudyOptions o) =>
        SweepPlan.Expand(SweepSpec.Read(Path.Combine(o.OutDir, "sweep.toml"), Text(o), o.OutDir));

    /// <summary>Writes the plan and study.json into the study's folder, or checks that the folder holds this very study.</summary>
    public static void Prepare(StudyOptions o, SweepPlan plan)
    {
        SweepFolder.Prepare(plan, o.OutDir, Text(o));
        string path = Path.Combine(o.OutDir, OptionsFile);
        string json = JsonSerializer.Serialize(o with { OutDir = "" }, Provenance.Indented);
        if (!File.Exists(path) || File.ReadAllText(path) != json) AtomicFile.WriteAllText(path, json);
    }

    public static bool IsStudy(string dir) => File.Exists(Path.Combine(dir, OptionsFile)) && File.Exists(Path.Combine(dir, "sweep.json"));

    public static StudyOptions ReadOptions(string dir)
    {
        string path = Path.Combine(dir, OptionsFile);
        try
        {
            var o = JsonSerializer.Deserialize<StudyOptions>(File.ReadAllText(path)) ?? throw new JsonException("empty");
            return o with { OutDir = dir };
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InputException(path, null, "not the options of a study: " + e.Message);
        }
    }

    /// <summary>A study's runs per preset, in the order of the presets and of the seeds: a name ("se-60mse seed 2"),
    /// the run folder and its state.</summary>
    public static IReadOnlyList<(string Preset, IReadOnlyList<(string Name, string Dir, RunState State)> Runs)> Runs(string dir, StudyOptions o)
    {
        var states = SweepFolder.WriteIndex(dir);
        return o.Presets.Select(preset => (preset, (IReadOnlyList<(string, string, RunState)>)states
            .Where(s => SweepFolder.Written(s.Run.Values.GetValueOrDefault(SweepSpec.BaseKey, "")) == preset)
            .Select(s => (Name(preset, s.Run.Values.GetValueOrDefault(SweepSpec.SeedKey)), SweepPlan.RunFolder(dir, s.Run.Id), s.State)).ToList())).ToList();
    }

    static string Name(string preset, string? seed) => seed is null ? preset : $"{preset} seed {seed}";

    /// <summary>Removes what a study wrote into its folder (the run folders of its plan, the sweep's and the
    /// study's files), so that it starts again.</summary>
    public static void Clear(string dir)
    {
        foreach (var r in SweepFolder.ReadManifest(dir).Runs)
        {
            string run = SweepPlan.RunFolder(dir, r.Id);
            if (Directory.Exists(run)) Directory.Delete(run, true);
        }
        foreach (var f in new[] { "sweep.json", "sweep.toml", "runs.csv", OptionsFile, "sensitivities.csv", Provenance.FileName }
            .Concat(PaperStudy.OutputPatterns).Concat(SweepCollector.OutputFiles))
            File.Delete(Path.Combine(dir, f));
        foreach (var d in new[] { "plots", "slurm" })
            if (Directory.Exists(Path.Combine(dir, d))) Directory.Delete(Path.Combine(dir, d), true);
        string runs = Path.Combine(dir, "runs");
        if (Directory.Exists(runs) && !Directory.EnumerateFileSystemEntries(runs).Any()) Directory.Delete(runs);
    }
}
