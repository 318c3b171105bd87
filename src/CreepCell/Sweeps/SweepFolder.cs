using System.Globalization;
using System.Text;
using System.Text.Json;
using CreepCell.Io;
using CreepCell.Simulation;

namespace CreepCell.Sweeps;

/// <summary>
/// The folder of a sweep: sweep.toml (the sweep file as given), sweep.json (the plan: parameters, runs,
/// fingerprint), runs.csv (index with status) and runs/NNNN/ with each run's case.toml and outputs. The
/// state of a run comes from its files: summary.json (finished), failed.txt (failed, with the message),
/// checkpoint.bin or other outputs (interrupted), nothing (pending).
/// </summary>
internal static class SweepFolder
{
    public const string FailureFile = "failed.txt";
    public const string LogFile = "run.log";

    public static RunState State(string runDir)
    {
        if (File.Exists(Path.Combine(runDir, "summary.json"))) return RunState.Finished;
        if (File.Exists(Path.Combine(runDir, FailureFile))) return RunState.Failed;
        if (File.Exists(Path.Combine(runDir, Checkpoint.FileName)) || File.Exists(Path.Combine(runDir, "history.csv"))) return RunState.Interrupted;
        return RunState.Pending;
    }

    public static string StateName(RunState s) => s.ToString().ToLowerInvariant();

    /// <summary>Writes the plan into <paramref name="dir"/>, or checks that the folder holds this very plan
    /// (then nothing is rewritten but the index). A folder of another sweep is an error.</summary>
    public static void Prepare(SweepPlan plan, string dir, string sweepText)
    {
        string manifest = Path.Combine(dir, "sweep.json");
        string fingerprint = plan.Fingerprint();
        if (File.Exists(manifest))
        {
            if (ReadManifest(dir).Fingerprint != fingerprint)
                throw new InputException(plan.Spec.File, "--out", $"{dir} holds a different sweep (its runs differ from this file's); give another --out or remove the folder");
        }
        else if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            throw new InputException(plan.Spec.File, "--out", $"{dir} is not empty and holds no sweep; give an empty or new folder");
        }
        foreach (var run in plan.Runs)
        {
            string folder = run.Folder(dir);
            string file = Path.Combine(folder, "case.toml");
            if (!File.Exists(file) || File.ReadAllText(file) != run.CaseText) AtomicFile.WriteAllText(file, run.CaseText);
        }
        AtomicFile.WriteAllText(Path.Combine(dir, "sweep.toml"), sweepText);
        if (!File.Exists(manifest)) AtomicFile.WriteAllText(manifest, JsonSerializer.Serialize(new Manifest(fingerprint, plan.Spec.BaseName, plan.Parameters,
            plan.Runs.Select(r => new ManifestRun(r.Id, r.Point, r.Values.ToDictionary(v => v.Key, v => v.Text))).ToList()), JsonOptions));
        WriteIndex(dir);
    }

    static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public sealed record ManifestRun(int Id, int Point, Dictionary<string, string> Values);

    public sealed record Manifest(string Fingerprint, string Base, IReadOnlyList<string> Parameters, IReadOnlyList<ManifestRun> Runs);

    public static Manifest ReadManifest(string dir)
    {
        string path = Path.Combine(dir, "sweep.json");
        if (!File.Exists(path)) throw new InputException(dir, null, "not a sweep folder (no sweep.json; run `creepcell sweep SWEEP.toml --out DIR` first)");
        try
        {
            return JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path)) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new InputException(path, null, "not a sweep manifest: " + e.Message);
        }
    }

    /// <summary>runs.csv: run id, parameter point, the swept values as written, state, and the failure message.</summary>
    public static IReadOnlyList<(ManifestRun Run, RunState State)> WriteIndex(string dir)
    {
        var m = ReadManifest(dir);
        var states = m.Runs.Select(r => (r, State(SweepPlan.RunFolder(dir, r.Id)))).ToList();
        var sb = new StringBuilder("run_id,point,");
        sb.Append(string.Join(',', m.Parameters.Select(Csv.Cell))).Append(",status,message\n");
        foreach (var (r, s) in states)
        {
            sb.Append(r.Id.ToString("D4", CultureInfo.InvariantCulture)).Append(',').Append(r.Point.ToString(CultureInfo.InvariantCulture)).Append(',');
            sb.Append(string.Join(',', m.Parameters.Select(p => Csv.Cell(Written(r.Values.GetValueOrDefault(p, ""))))));
            sb.Append(',').Append(StateName(s)).Append(',').Append(Csv.Cell(s == RunState.Failed ? FailureMessage(SweepPlan.RunFolder(dir, r.Id)) : "")).Append('\n');
        }
        AtomicFile.WriteAllText(Path.Combine(dir, "runs.csv"), sb.ToString());
        return states;
    }

    /// <summary>A value as a person writes it in a table: strings without their TOML quotes.</summary>
    public static string Written(string tomlText) => tomlText.Length > 0 && CaseOverrides.ParseValue(tomlText) is string s ? s : tomlText;

    /// <summary>The message a failed run left (its failed.txt on one line).</summary>
    public static string FailureMessage(string runDir)
    {
        string path = Path.Combine(runDir, FailureFile);
        return File.Exists(path) ? string.Join(" ", File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0)) : "";
    }

    /// <summary>Records a failed run: its exit code and the error line of its log.</summary>
    public static void WriteFailure(string runDir, int exitCode)
    {
        string log = Path.Combine(runDir, LogFile);
        string error = File.Exists(log) ? File.ReadAllLines(log).LastOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal)) ?? "" : "";
        AtomicFile.WriteAllText(Path.Combine(runDir, FailureFile), $"exit code {exitCode}\n{error}\n");
    }
}
